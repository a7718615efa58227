using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

/// <summary>
/// The liquid rules written as plainly as possible: read the layers directly, follow one member's chain step by
/// step with a visited set, and stop at the first direct voter. Quadratic, and meant to be obviously right.
/// </summary>
internal static class ReferenceResolver
{
    public static VoteTrace Follow(RandomNetwork network, int member)
    {
        var hops = new List<TraceHop>();
        var visited = new HashSet<int>();
        var current = member;
        while (true)
        {
            if (current < 0 || current >= network.Count || !network.Eligible[current])
            {
                return VoteTrace.LostAt(hops, LossReason.IneligibleOnChain, current);
            }

            if (!visited.Add(current))
            {
                return VoteTrace.LostAt(hops, LossReason.Cycle, current);
            }

            if (network.Direct[current] is { } choice)
            {
                return VoteTrace.CarriedBy(hops, current, choice);
            }

            if (MostSpecificEntry(network, current) is not ({ } next, var scope))
            {
                return VoteTrace.LostAt(hops, LossReason.NoDirectVoter, current);
            }

            hops.Add(new TraceHop(current, next, scope));
            current = next;
        }
    }

    public static int[] Carriers(RandomNetwork network) =>
        [.. Enumerable.Range(0, network.Count).Select(member => Follow(network, member).Carrier ?? LiquidResolver.Lost)];

    public static TallyCounts Tally(RandomNetwork network)
    {
        int eligible = 0, yes = 0, no = 0, abstain = 0;
        for (var member = 0; member < network.Count; member++)
        {
            if (!network.Eligible[member])
            {
                continue;
            }

            eligible++;
            switch (Follow(network, member).Choice)
            {
                case Choice.Yes: yes++; break;
                case Choice.No: no++; break;
                case Choice.Abstain: abstain++; break;
            }
        }

        return new TallyCounts(eligible, yes, no, abstain);
    }

    /// <summary>The delegate a member's narrowest entry names, or null when that entry is a block or no scope has one.</summary>
    private static (int? Delegate, DelegationScope Scope) MostSpecificEntry(RandomNetwork network, int member)
    {
        var scopes = new List<(int Entry, DelegationScope Scope)>();
        if (network.ProposalLayer.TryGetValue(member, out var atProposal))
        {
            scopes.Add((atProposal, DelegationScope.Proposal));
        }

        if (network.TopicLayer is not null)
        {
            scopes.Add((network.TopicLayer[member], DelegationScope.Topic));
        }

        scopes.Add((network.DefaultLayer[member], DelegationScope.Default));

        foreach (var (entry, scope) in scopes)
        {
            if (entry == DelegationEntry.Blocked)
            {
                return (null, scope);
            }

            if (entry != DelegationEntry.None)
            {
                return (entry, scope);
            }
        }

        return (null, DelegationScope.Default);
    }
}
