using Governance.Contracts.Proposals;

namespace Governance.Contracts.Priorities;

/// <summary>One delegation on a chain: <paramref name="From"/> gave its weight to <paramref name="To"/>, set at <paramref name="Scope"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityTraceHopView")]
public sealed record PriorityTraceHopView([property: Id(0)] string From, [property: Id(1)] string To, [property: Id(2)] PriorityDelegationScope Scope);

/// <summary>Whose ballot carries a member's weight in a poll and through which chain, or why the weight is lost.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityTraceView")]
public sealed record PriorityTraceView(
    [property: Id(0)] string MemberId,
    [property: Id(1)] bool Counted,
    [property: Id(2)] string? CarriedBy,
    [property: Id(3)] IReadOnlyList<PriorityTraceHopView> Chain,
    [property: Id(4)] LostReason? LostReason);
