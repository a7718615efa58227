namespace Governance.Contracts.Proposals;

/// <summary>One delegation on a chain: <paramref name="From"/> gave its weight to <paramref name="To"/>, set at <paramref name="Scope"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.TraceHopView")]
public sealed record TraceHopView([property: Id(0)] string From, [property: Id(1)] string To, [property: Id(2)] DelegationScope Scope);

/// <summary>Whose ballot carries a member's weight and through which chain, or why the weight is lost.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.VoteTraceView")]
public sealed record VoteTraceView(
    [property: Id(0)] string MemberId,
    [property: Id(1)] bool Counted,
    [property: Id(2)] string? CarriedBy,
    [property: Id(3)] VoteChoice? Choice,
    [property: Id(4)] IReadOnlyList<TraceHopView> Chain,
    [property: Id(5)] LostReason? LostReason);
