using Governance.Domain.Cooperatives;

namespace Governance.SnapshotLoad;

/// <summary>
/// The log of one large cooperative: its creation, then every member joining, then default delegations from the
/// first members to others drawn at random (never themselves). The same seed gives the same log.
/// </summary>
public sealed class LargeCooperative(int members, int delegations, int seed = 16)
{
    public const string Founder = "founder";

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);

    public int Members => members;

    /// <summary>The id of the member at a roster index; the founder is index 0.</summary>
    public static string MemberId(int index) => index == 0 ? Founder : $"member-{index}";

    /// <summary>Events in log order; versions are their positions counted from 1.</summary>
    public IEnumerable<CooperativeEvent> Events()
    {
        yield return new CooperativeCreated(Start, "A consumer cooperative", ["energy", "housing"], 0.1, 0.5, Founder);
        for (var index = 1; index < members; index++)
        {
            yield return new MemberJoined(Start.AddSeconds(index), MemberId(index), $"Member number {index}", Founder);
        }

        var random = new Random(seed);
        for (var from = 1; from <= delegations; from++)
        {
            var to = random.Next(members - 1);
            yield return new DelegationSet(Start.AddSeconds(members + from), MemberId(from), null, MemberId(to >= from ? to + 1 : to));
        }
    }

    public Cooperative Fold()
    {
        var cooperative = new Cooperative();
        foreach (var @event in Events())
        {
            cooperative.Apply(@event);
        }

        return cooperative;
    }
}
