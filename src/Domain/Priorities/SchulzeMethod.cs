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
        var preferences = new long[count, count];
        foreach (var ballot in ballots)
        {
            var levels = BallotRules.RankLevels(poll, ballot);
            for (var i = 0; i < count; i++)
            {
                for (var j = 0; j < count; j++)
                {
                    if (levels[i] < levels[j])
                    {
                        preferences[i, j] += ballot.Weight;
                    }
                }
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
