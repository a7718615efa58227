using System.Security.Cryptography;
using System.Text.Json;
using Governance.Api.Responses;
using Governance.Contracts.Decisions;

namespace Governance.Api.Audit;

/// <summary>Builds a closed decision's audit record and seals it with the digest of its canonical form (docs/audit.md).</summary>
public static class AuditRecords
{
    public const string DigestPrefix = "sha256:";

    /// <param name="audit">What the closed decision's grain knows of its count.</param>
    /// <param name="kind">"proposal" or "poll", as the record names it.</param>
    /// <param name="resultBody">The body the decision's tally or result route answers, serialized as that route does.</param>
    /// <param name="options">The API's JSON options, so that the result reads exactly as that route's body.</param>
    public static AuditRecordView Build(DecisionAuditView audit, string kind, object resultBody, JsonSerializerOptions options)
    {
        var decision = audit.Decision;
        var majority = decision.Method == DecisionMethod.Majority;
        var unsealed = new AuditRecordView(
            new AuditedDecisionView(
                kind,
                decision.Id,
                decision.CooperativeId,
                decision.Topic,
                decision.Method,
                Parameters(decision),
                majority ? decision.Quorum : null,
                majority ? decision.Threshold : null,
                majority ? null : decision.Items),
            audit.Eligible,
            new AuditDelegationsView(audit.DefaultDelegations, audit.TopicDelegations, audit.DecisionDelegations),
            [.. audit.Ballots.Select(ballot => new AuditBallotView(
                ballot.MemberId, ballot.Marks.Choice, ballot.Marks.Ranking, ballot.Marks.Approved, ballot.Marks.Allocations))],
            JsonSerializer.SerializeToElement(resultBody, resultBody.GetType(), options),
            Digest: "");
        return unsealed with { Digest = DigestOf(JsonSerializer.SerializeToElement(unsealed, options)) };
    }

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the record's canonical form without its digest.</summary>
    public static string DigestOf(JsonElement record) =>
        DigestPrefix + Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Utf8(record, "digest")));

    private static Dictionary<string, int> Parameters(DecisionView decision) => (decision.Method, decision.Parameter) switch
    {
        (DecisionMethod.Score, { } maxScore) => new() { ["maxScore"] = maxScore },
        (DecisionMethod.Quadratic, { } creditBudget) => new() { ["creditBudget"] = creditBudget },
        (DecisionMethod.Dot, { } pointBudget) => new() { ["pointBudget"] = pointBudget },
        _ => [],
    };
}
