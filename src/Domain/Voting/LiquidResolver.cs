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

    private const byte Unvisited = 0;
    private const byte OnCurrentPath = 1;
    private const byte LostState = 2;
    private const byte CarriedYes = 3;
    private const byte CarriedNo = 4;
    private const byte CarriedAbstain = 5;

    /// <summary>
    /// For each member index, the index of the direct voter who carries its weight, or <see cref="Lost"/>.
    /// Ineligible members are always <see cref="Lost"/>.
    /// </summary>
    public static int[] ResolveCarriers(DelegationNetwork network)
    {
        var (links, states) = Resolve(network);
        for (var member = 0; member < links.Length; member++)
        {
            if (states[member] == LostState)
            {
                links[member] = Lost;
            }
        }

        return links;
    }

    /// <summary>
    /// For each member index, how many eligible members' weight its direct ballot carries, itself included; 0 for
    /// members who did not vote directly. Decisions whose ballots are not yes/no (priority polls) weigh each ballot by it.
    /// </summary>
    public static int[] CarriedWeights(DelegationNetwork network)
    {
        var carriers = ResolveCarriers(network);
        var weights = new int[carriers.Length];
        foreach (var carrier in carriers)
        {
            if (carrier != Lost)
            {
                weights[carrier]++;
            }
        }

        return weights;
    }

    /// <summary>Counts every eligible member's weight under the choice of the ballot that carries it.</summary>
    public static TallyCounts Tally(DelegationNetwork network)
    {
        var (_, states) = Resolve(network);
        int eligible = 0, yes = 0, no = 0, abstain = 0;
        for (var member = 0; member < states.Length; member++)
        {
            if (!network.Eligible[member])
            {
                continue;
            }

            eligible++;
            switch (states[member])
            {
                case CarriedYes: yes++; break;
                case CarriedNo: no++; break;
                case CarriedAbstain: abstain++; break;
            }
        }

        return new TallyCounts(eligible, yes, no, abstain);
    }

    /// <summary>Follows one member's chain hop by hop, recording the scope of every delegation it takes.</summary>
    public static VoteTrace Trace(DelegationNetwork network, int member)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
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

    /// <summary>
    /// Resolves every member at once. Each chain is walked until it meets a member already resolved or a dead end,
    /// and every member on the walk takes that result, so each member is visited once. On return a member's link
    /// holds its carrier and its state the carrier's choice, or <see cref="LostState"/>.
    /// </summary>
    /// <remarks>
    /// The walk reads one int and one byte per hop; at a million members both arrays still fit in a last-level
    /// cache, where the hops, which jump around the roster, would otherwise each wait on main memory.
    /// </remarks>
    private static (int[] Links, byte[] States) Resolve(DelegationNetwork network)
    {
        var links = network.EffectiveDelegates();
        var states = Seed(network, links);
        var count = links.Length;
        var path = new List<int>();
        for (var start = 0; start < count; start++)
        {
            if (states[start] != Unvisited)
            {
                continue;
            }

            var current = start;
            var carrier = Lost;
            var state = LostState;
            while (current >= 0 && current < count)
            {
                var seen = states[current];
                if (seen == OnCurrentPath || seen == LostState)
                {
                    break;
                }

                if (seen != Unvisited)
                {
                    carrier = links[current];
                    state = seen;
                    break;
                }

                states[current] = OnCurrentPath;
                path.Add(current);
                current = links[current];
            }

            foreach (var member in path)
            {
                links[member] = carrier;
                states[member] = state;
            }

            path.Clear();
        }

        return (links, states);
    }

    /// <summary>Direct voters carry themselves and ineligible members are lost before any chain is walked.</summary>
    private static byte[] Seed(DelegationNetwork network, int[] links)
    {
        var states = new byte[network.MemberCount];
        var eligible = network.Eligible;
        var direct = network.DirectChoices;
        for (var member = 0; member < states.Length; member++)
        {
            states[member] = !eligible[member] ? LostState
                : direct[member] switch
                {
                    Choice.Yes => CarriedYes,
                    Choice.No => CarriedNo,
                    Choice.Abstain => CarriedAbstain,
                    _ => Unvisited,
                };
            if (states[member] >= CarriedYes)
            {
                links[member] = member;
            }
        }

        return states;
    }
}
