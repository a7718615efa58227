namespace Governance.Domain.Voting;

/// <summary>One delegation taken on a chain: <paramref name="From"/> gave its weight to <paramref name="To"/>.</summary>
public sealed record TraceHop(int From, int To, DelegationScope Scope);

/// <summary>How one member's weight travelled: the hops taken, and who carried it or why it was lost.</summary>
public sealed record VoteTrace(IReadOnlyList<TraceHop> Hops, int? Carrier, Choice? Choice, LossReason? Loss, int EndedAt)
{
    public bool Counted => Carrier is not null;

    public static VoteTrace CarriedBy(IReadOnlyList<TraceHop> hops, int carrier, Choice choice) =>
        new(hops, carrier, choice, null, carrier);

    public static VoteTrace LostAt(IReadOnlyList<TraceHop> hops, LossReason reason, int endedAt) =>
        new(hops, null, null, reason, endedAt);
}
