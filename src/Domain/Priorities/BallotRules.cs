using Governance.Domain.Rules;

namespace Governance.Domain.Priorities;

/// <summary>Checks shared by every method's ballot validation.</summary>
internal static class BallotRules
{
    public static void RequirePositiveWeight(int weight)
    {
        if (weight < 1)
        {
            throw RuleViolationException.Invalid("invalid-weight", "A ballot's weight must be a positive number of members.", "weight");
        }
    }

    public static void RequirePositiveLimit(int limit, string code, string field)
    {
        if (limit < 1)
        {
            throw RuleViolationException.Invalid(code, $"'{field}' must be at least 1.", field);
        }
    }

    /// <summary>The poll index of each item, in the given order; an item may appear only once.</summary>
    public static int[] DistinctIndices(PriorityPoll poll, IEnumerable<string> items, string field)
    {
        var seen = new bool[poll.Items.Count];
        var indices = new List<int>();
        foreach (var item in items)
        {
            var index = poll.IndexOf(item, field);
            if (seen[index])
            {
                throw RuleViolationException.Invalid("duplicate-item", $"Item '{item}' appears twice on the ballot.", field);
            }

            seen[index] = true;
            indices.Add(index);
        }

        return [.. indices];
    }

    /// <summary>
    /// The rank level of every poll item on a ranked ballot: 0 for the first rank, and the number of ranks for
    /// unranked items, so that a lower level is preferred and equal levels are tied.
    /// </summary>
    public static int[] RankLevels(PriorityPoll poll, RankedBallot ballot)
    {
        var levels = new int[poll.Items.Count];
        RankLevels(poll, ballot, levels, new bool[poll.Items.Count]);
        return levels;
    }

    /// <summary>
    /// <see cref="RankLevels(PriorityPoll, RankedBallot)"/> into buffers the caller reuses across ballots, one slot per
    /// poll item; <paramref name="seen"/> is scratch space.
    /// </summary>
    public static void RankLevels(PriorityPoll poll, RankedBallot ballot, Span<int> levels, Span<bool> seen)
    {
        RequirePositiveWeight(ballot.Weight);
        levels.Fill(ballot.Ranks.Count);
        seen.Clear();
        for (var level = 0; level < ballot.Ranks.Count; level++)
        {
            var rank = ballot.Ranks[level];
            if (rank.Count == 0)
            {
                throw RuleViolationException.Invalid("empty-rank", $"Rank {level + 1} lists no items.", "ranks");
            }

            // Indexed rather than foreach: enumerating an IReadOnlyList allocates, once per rank of every ballot.
            for (var position = 0; position < rank.Count; position++)
            {
                var item = rank[position];
                var index = poll.IndexOf(item, "ranks");
                if (seen[index])
                {
                    throw RuleViolationException.Invalid("duplicate-item", $"Item '{item}' is ranked twice.", "ranks");
                }

                seen[index] = true;
                levels[index] = level;
            }
        }
    }

    /// <summary>The amount per poll item, 0 for items left out; items are checked, amounts are not.</summary>
    public static long[] AmountsByItem(PriorityPoll poll, AllocationBallot ballot, string field)
    {
        RequirePositiveWeight(ballot.Weight);
        var indices = DistinctIndices(poll, ballot.Allocations.Select(allocation => allocation.Item), field);
        var amounts = new long[poll.Items.Count];
        for (var position = 0; position < indices.Length; position++)
        {
            amounts[indices[position]] = ballot.Allocations[position].Amount;
        }

        return amounts;
    }
}
