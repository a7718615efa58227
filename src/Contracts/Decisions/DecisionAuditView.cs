namespace Governance.Contracts.Decisions;

/// <summary>
/// A closed decision as an auditor reads it, by member id alone: the decision, the eligible members, every
/// delegation counted at each scope (from member to delegate; a null delegate is an explicit "none"), every ballot
/// and the frozen result. The topic scope holds the decision's topic only.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionAuditView")]
public sealed record DecisionAuditView(
    [property: Id(0)] DecisionView Decision,
    [property: Id(1)] IReadOnlyList<string> Eligible,
    [property: Id(2)] IReadOnlyDictionary<string, string?> DefaultDelegations,
    [property: Id(3)] IReadOnlyDictionary<string, string?> TopicDelegations,
    [property: Id(4)] IReadOnlyDictionary<string, string?> DecisionDelegations,
    [property: Id(5)] IReadOnlyList<DecisionBallotView> Ballots,
    [property: Id(6)] DecisionResultView Result);
