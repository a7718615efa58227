using Governance.Verify.Chains;
using Governance.Verify.Records;

namespace Governance.Verify.Counting;

/// <summary>The Schulze matrices over the poll's items by index: d[x, y] and the strongest paths p[x, y].</summary>
public sealed record SchulzeMatrices(long[,] Preferences, long[,] StrongestPaths);

public sealed record PollTally(int Eligible, int Participation, IReadOnlyList<Standing> Ranking, SchulzeMatrices? Schulze);

/// <summary>
/// A poll's result: every direct ballot counts times the number of members it carries, scored by the poll's
/// method. Marks naming no item of the poll are left out here; the record checks report them.
/// </summary>
public static class PollCount
{
    public static PollTally Count(AuditRecord record, IReadOnlyList<Chain> chains)
    {
        var weights = Weights.Of(chains);
        var items = record.Decision.Items;
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            indexOf.TryAdd(items[index].Id, index);
        }

        var counted = record.Ballots
            .GroupBy(ballot => ballot.MemberId, StringComparer.Ordinal)
            .Select(ballots => (Ballot: ballots.First(), Weight: weights.GetValueOrDefault(ballots.Key)))
            .ToList();
        var participation = counted.Sum(ballot => ballot.Weight);
        var scores = new double[items.Count];
        SchulzeMatrices? schulze = null;
        switch (record.Decision.Method)
        {
            case "schulze":
                schulze = Schulze(items.Count, counted.Select(ballot => (Levels(ballot.Ballot, indexOf, items.Count), ballot.Weight)));
                for (var x = 0; x < items.Count; x++)
                {
                    for (var y = 0; y < items.Count; y++)
                    {
                        scores[x] += x != y && schulze.StrongestPaths[x, y] > schulze.StrongestPaths[y, x] ? 1 : 0;
                    }
                }

                break;
            case "borda":
                foreach (var (ballot, weight) in counted)
                {
                    var levels = Levels(ballot, indexOf, items.Count);
                    for (var item = 0; item < items.Count; item++)
                    {
                        var below = levels.Count(level => level > levels[item]);
                        var tiedWithOthers = levels.Count(level => level == levels[item]) - 1;
                        scores[item] += weight * (below + (tiedWithOthers / 2.0));
                    }
                }

                break;
            case "approval":
                foreach (var (ballot, weight) in counted)
                {
                    foreach (var item in (ballot.Approved ?? []).Where(indexOf.ContainsKey).Distinct(StringComparer.Ordinal))
                    {
                        scores[indexOf[item]] += weight;
                    }
                }

                break;
            default:
                // score, quadratic and dot: the weighted sum of the amounts given.
                foreach (var (ballot, weight) in counted)
                {
                    foreach (var allocation in (ballot.Allocations ?? []).Where(allocation => indexOf.ContainsKey(allocation.Item)))
                    {
                        scores[indexOf[allocation.Item]] += (double)weight * allocation.Amount;
                    }
                }

                break;
        }

        return new PollTally(chains.Count, participation, Standing.Rank(items, scores), schulze);
    }

    /// <summary>Each item's rank on the ballot, 0 for the first; items it leaves out share the level below every rank.</summary>
    private static int[] Levels(Ballot ballot, Dictionary<string, int> indexOf, int itemCount)
    {
        var ranks = ballot.Ranking ?? [];
        var levels = Enumerable.Repeat(ranks.Count, itemCount).ToArray();
        for (var rank = ranks.Count - 1; rank >= 0; rank--)
        {
            foreach (var item in ranks[rank].Where(indexOf.ContainsKey))
            {
                levels[indexOf[item]] = rank;
            }
        }

        return levels;
    }

    /// <summary>
    /// d[x, y] is the weight of the ballots ranking x above y. Only a link that wins, d[x, y] &gt; d[y, x], starts a path,
    /// and a path is as strong as its weakest link; p[x, y] is the strongest path from x to y (Floyd–Warshall).
    /// </summary>
    private static SchulzeMatrices Schulze(int count, IEnumerable<(int[] Levels, int Weight)> ballots)
    {
        var d = new long[count, count];
        foreach (var (levels, weight) in ballots)
        {
            for (var x = 0; x < count; x++)
            {
                for (var y = 0; y < count; y++)
                {
                    if (levels[x] < levels[y])
                    {
                        d[x, y] += weight;
                    }
                }
            }
        }

        var p = new long[count, count];
        for (var x = 0; x < count; x++)
        {
            for (var y = 0; y < count; y++)
            {
                p[x, y] = x != y && d[x, y] > d[y, x] ? d[x, y] : 0;
            }
        }

        for (var via = 0; via < count; via++)
        {
            for (var x = 0; x < count; x++)
            {
                for (var y = 0; y < count; y++)
                {
                    if (x != via && y != via && x != y)
                    {
                        p[x, y] = Math.Max(p[x, y], Math.Min(p[x, via], p[via, y]));
                    }
                }
            }
        }

        return new SchulzeMatrices(d, p);
    }
}
