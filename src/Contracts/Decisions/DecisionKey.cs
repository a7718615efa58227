namespace Governance.Contracts.Decisions;

/// <summary>
/// Decision grains are keyed "{cooperativeId}/{decisionId}" (ids never contain '/'), under the grain type of their
/// kind. The types are pinned because durable reminders are stored under them.
/// </summary>
public static class DecisionKey
{
    public const string ProposalGrainType = "proposal";

    public const string PollGrainType = "prioritypoll";

    public static string Of(string cooperativeId, string decisionId) => $"{cooperativeId}/{decisionId}";

    public static GrainId Proposal(string cooperativeId, string proposalId) =>
        GrainId.Create(ProposalGrainType, Of(cooperativeId, proposalId));

    public static GrainId Poll(string cooperativeId, string pollId) =>
        GrainId.Create(PollGrainType, Of(cooperativeId, pollId));

    public static (string CooperativeId, string DecisionId) Parse(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        return separator < 0
            ? throw new ArgumentException($"'{key}' is not a decision key.", nameof(key))
            : (key[..separator], key[(separator + 1)..]);
    }
}
