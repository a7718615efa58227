using Governance.Contracts.Proposals;

namespace Governance.Api.Responses;

/// <summary>One delegation on a chain: <paramref name="From"/> gave its weight to <paramref name="To"/>, set at <paramref name="Scope"/>.</summary>
public sealed record PriorityTraceHopView(string From, string To, PriorityDelegationScope Scope);

/// <summary>Whose ballot carries a member's weight in a poll and through which chain, or why the weight is lost.</summary>
public sealed record PriorityTraceView(
    string MemberId,
    bool Counted,
    string? CarriedBy,
    IReadOnlyList<PriorityTraceHopView> Chain,
    LostReason? LostReason);
