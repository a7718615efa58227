using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Contracts.Decisions;
using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;

namespace Governance.Api.Responses;

/// <summary>
/// A closed decision's audit record, self-contained so that any tool can recount it (docs/audit.md). The result is
/// exactly the body of the decision's tally or result route; the digest is SHA-256 over the canonical form of
/// everything else in the record.
/// </summary>
public sealed record AuditRecordView(
    AuditedDecisionView Decision,
    IReadOnlyList<string> Eligible,
    AuditDelegationsView Delegations,
    IReadOnlyList<AuditBallotView> Ballots,
    JsonElement Result,
    string Digest);

/// <summary>
/// The decision and its rule. <paramref name="Kind"/> is "proposal" or "poll"; <paramref name="Parameters"/> holds the
/// method's maxScore, creditBudget or pointBudget, empty when it takes none. A proposal has a quorum and a threshold
/// and no items; a poll has items and neither of the two.
/// </summary>
public sealed record AuditedDecisionView(
    string Kind,
    string Id,
    string CooperativeId,
    string? Topic,
    DecisionMethod Method,
    IReadOnlyDictionary<string, int> Parameters,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Quorum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Threshold,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PriorityItemView>? Items);

/// <summary>
/// Every delegation counted, from member to delegate, at each scope: the cooperative's default, the decision's
/// topic (that topic's layer only) and the decision itself. A null delegate is an explicit "none".
/// </summary>
public sealed record AuditDelegationsView(
    IReadOnlyDictionary<string, string?> Default,
    IReadOnlyDictionary<string, string?> Topic,
    IReadOnlyDictionary<string, string?> Decision);

/// <summary>A direct ballot as cast: a proposal's choice, or a poll's ranking, approved items or allocations.</summary>
public sealed record AuditBallotView(
    string MemberId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] VoteChoice? Choice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<IReadOnlyList<string>>? Ranking,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Approved,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ItemAmountView>? Allocations);
