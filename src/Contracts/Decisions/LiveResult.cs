namespace Governance.Contracts.Decisions;

/// <summary>
/// A decision's result as a watcher sees it: counted at <paramref name="DecisionVersion"/> of the decision's log and
/// <paramref name="DelegationsVersion"/> of its cooperative's delegations (0 when none count, once closed or before
/// opening). <paramref name="Final"/> marks the frozen result of a closed decision, the last a watcher receives.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.LiveResult")]
public sealed record LiveResult(
    [property: Id(0)] long DecisionVersion,
    [property: Id(1)] long DelegationsVersion,
    [property: Id(2)] DecisionResultView Result,
    [property: Id(3)] bool Final)
{
    /// <summary>The version a stream gives as its message id: "{decision}.{delegations}".</summary>
    public string Version => $"{DecisionVersion}.{DelegationsVersion}";
}
