using Governance.Contracts.Proposals;

namespace Governance.Contracts.Decisions;

/// <summary>
/// Whose ballot carries a member's weight and through which chain, or why the weight is lost. The choice is the
/// carrier's in a majority decision, else null; a hop at the decision's own scope says <see cref="DelegationScope.Proposal"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionTraceView")]
public sealed record DecisionTraceView(
    [property: Id(0)] string MemberId,
    [property: Id(1)] bool Counted,
    [property: Id(2)] string? CarriedBy,
    [property: Id(3)] VoteChoice? Choice,
    [property: Id(4)] IReadOnlyList<TraceHopView> Chain,
    [property: Id(5)] LostReason? LostReason);
