namespace Governance.Domain.Voting;

/// <summary>
/// Resolves whose direct ballot carries each eligible member's weight.
/// The first direct voter on a member's chain carries it; a chain that ends without one,
/// loops, or passes through an ineligible member loses it. Runs in O(members + delegations).
/// </summary>
public static class LiquidResolver
{
    /// <summary>Marks a member whose weight is not counted in the array <see cref="ResolveCarriers"/> returns.</summary>
    public const int Lost = -1;

    private const int Unresolved = -2;
    private const int OnCurrentPath = -3;

    /// <summary>
    /// For each member index, the index of the direct voter who carries its weight, or <see cref="Lost"/>.
    /// Ineligible members are always <see cref="Lost"/>.
    /// </summary>
    public static int[] ResolveCarriers(DelegationNetwork network)
    {
        var delegates = network.EffectiveDelegates();
        var eligible = network.Eligible;
        var direct = network.DirectChoices;
        var count = eligible.Length;

        var carrier = new int[count];
        Array.Fill(carrier, Unresolved);
        var path = new List<int>();

        for (var start = 0; start < count; start++)
        {
            if (carrier[start] != Unresolved)
            {
                continue;
            }

            var current = start;
            int result;
            while (true)
            {
                if (current < 0 || current >= count || !eligible[current])
                {
                    result = Lost;
                    break;
                }

                var known = carrier[current];
                if (known == OnCurrentPath)
                {
                    result = Lost;
                    break;
                }

                if (known != Unresolved)
                {
                    result = known;
                    break;
                }

                if (direct[current] is not null)
                {
                    result = current;
                    carrier[current] = current;
                    break;
                }

                carrier[current] = OnCurrentPath;
                path.Add(current);
                current = delegates[current];
            }

            foreach (var member in path)
            {
                carrier[member] = result;
            }

            path.Clear();
            if (carrier[start] == Unresolved)
            {
                carrier[start] = Lost;
            }
        }

        return carrier;
    }

    /// <summary>Counts every eligible member's weight under the choice of the ballot that carries it.</summary>
    public static TallyCounts Tally(DelegationNetwork network)
    {
        var carriers = ResolveCarriers(network);
        var direct = network.DirectChoices;
        int eligible = 0, yes = 0, no = 0, abstain = 0;
        for (var member = 0; member < carriers.Length; member++)
        {
            if (!network.Eligible[member])
            {
                continue;
            }

            eligible++;
            var carrier = carriers[member];
            if (carrier == Lost)
            {
                continue;
            }

            switch (direct[carrier])
            {
                case Choice.Yes: yes++; break;
                case Choice.No: no++; break;
                case Choice.Abstain: abstain++; break;
            }
        }

        return new TallyCounts(eligible, yes, no, abstain);
    }

    /// <summary>Follows one member's chain hop by hop, recording the scope of every delegation it takes.</summary>
    public static VoteTrace Trace(DelegationNetwork network, int member)
    {
        var hops = new List<TraceHop>();
        var seen = new HashSet<int>();
        var current = member;
        while (true)
        {
            if (current >= network.MemberCount || !network.Eligible[current])
            {
                return VoteTrace.LostAt(hops, LossReason.IneligibleOnChain, current);
            }

            if (!seen.Add(current))
            {
                return VoteTrace.LostAt(hops, LossReason.Cycle, current);
            }

            var choice = network.DirectChoices[current];
            if (choice is not null)
            {
                return VoteTrace.CarriedBy(hops, current, choice.Value);
            }

            var (next, scope) = network.EffectiveDelegate(current);
            if (next < 0)
            {
                return VoteTrace.LostAt(hops, LossReason.NoDirectVoter, current);
            }

            hops.Add(new TraceHop(current, next, scope));
            current = next;
        }
    }
}
