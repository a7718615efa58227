using System.Numerics;

namespace Governance.Domain.Priorities;

/// <summary>
/// The Schulze result. <see cref="Preferences"/> holds d[i,j], the weight of voters preferring i to j;
/// <see cref="StrongestPaths"/> holds p[i,j]. An item's score is the number of items it beats (p[i,j] > p[j,i]).
/// </summary>
public sealed record SchulzeResult(PriorityRanking Ranking, PairwiseMatrix Preferences, PairwiseMatrix StrongestPaths);

/// <summary>
/// Schulze method with winning votes. The beat relation is transitive, so an item always beats fewer items
/// than every item that beats it: ranking by that count never contradicts the relation, and items sharing
/// a position never beat one another.
/// </summary>
public static class SchulzeMethod
{
    public static void Validate(PriorityPoll poll, RankedBallot ballot) => BallotRules.RankLevels(poll, ballot);

    public static SchulzeResult Tally(PriorityPoll poll, IEnumerable<RankedBallot> ballots)
    {
        var count = poll.Items.Count;
        var preferring = new long[count * count];
        var levels = new int[count];
        var seen = new bool[count];
        var wideLevels = new long[count];
        foreach (var ballot in ballots)
        {
            BallotRules.RankLevels(poll, ballot, levels, seen);
            AddPreferences(preferring, levels, wideLevels, ballot.Ranks.Count, ballot.Weight);
        }

        var preferences = new long[count, count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++)
            {
                preferences[i, j] = preferring[(i * count) + j];
            }
        }

        var paths = StrongestPaths(preferences, count);
        var beaten = new double[count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++)
            {
                if (paths[i, j] > paths[j, i])
                {
                    beaten[i]++;
                }
            }
        }

        return new SchulzeResult(PriorityRanking.FromScores(poll, beaten), new PairwiseMatrix(poll, preferences), new PairwiseMatrix(poll, paths));
    }

    /// <summary>
    /// Adds the weight to d[i,j] (row i of the flat matrix) for every i ranked above j. Unranked items, at the bottom
    /// level, are preferred to nothing, so their rows are skipped. Rows are updated a vector at a time with a mask
    /// instead of a branch per cell: whether j is below i is a coin toss the branch predictor keeps losing.
    /// </summary>
    private static void AddPreferences(long[] preferring, int[] levels, long[] wideLevels, int unranked, long weight)
    {
        var count = levels.Length;
        for (var item = 0; item < count; item++)
        {
            wideLevels[item] = levels[item];
        }

        var weights = new Vector<long>(weight);
        var vectorEnd = count - (count % Vector<long>.Count);
        for (var i = 0; i < count; i++)
        {
            var level = levels[i];
            if (level == unranked)
            {
                continue;
            }

            var row = preferring.AsSpan(i * count, count);
            var levelsOfI = new Vector<long>(level);
            for (var j = 0; j < vectorEnd; j += Vector<long>.Count)
            {
                var below = Vector.GreaterThan(new Vector<long>(wideLevels.AsSpan(j)), levelsOfI);
                (new Vector<long>(row[j..]) + (below & weights)).CopyTo(row[j..]);
            }

            for (var j = vectorEnd; j < count; j++)
            {
                row[j] += levels[j] > level ? weight : 0;
            }
        }
    }

    /// <summary>Widest paths (Floyd–Warshall) over the links i→j where d[i,j] wins against d[j,i].</summary>
    private static long[,] StrongestPaths(long[,] preferences, int count)
    {
        var paths = new long[count, count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++)
            {
                if (i != j && preferences[i, j] > preferences[j, i])
                {
                    paths[i, j] = preferences[i, j];
                }
            }
        }

        for (var via = 0; via < count; via++)
        {
            for (var i = 0; i < count; i++)
            {
                if (i == via)
                {
                    continue;
                }

                for (var j = 0; j < count; j++)
                {
                    if (j != i && j != via)
                    {
                        paths[i, j] = Math.Max(paths[i, j], Math.Min(paths[i, via], paths[via, j]));
                    }
                }
            }
        }

        return paths;
    }
}
