namespace Governance.Domain.Priorities;

/// <summary>
/// Borda count on ranked ballots with ties. From each ballot an item gets one point per item ranked strictly
/// below it plus half a point per other item tied with it (unranked items form one tied group at the bottom),
/// times the ballot's weight. With n items and no ties this is the classic n-1..0; tied items get the average
/// of the points their places would have had.
/// </summary>
public static class BordaMethod
{
    public static void Validate(PriorityPoll poll, RankedBallot ballot) => BallotRules.RankLevels(poll, ballot);

    public static PriorityRanking Tally(PriorityPoll poll, IEnumerable<RankedBallot> ballots)
    {
        var count = poll.Items.Count;
        var scores = new double[count];
        foreach (var ballot in ballots)
        {
            var levels = BallotRules.RankLevels(poll, ballot);
            var groupSizes = new int[ballot.Ranks.Count + 1];
            foreach (var level in levels)
            {
                groupSizes[level]++;
            }

            var itemsBelow = new int[groupSizes.Length];
            for (var level = groupSizes.Length - 2; level >= 0; level--)
            {
                itemsBelow[level] = itemsBelow[level + 1] + groupSizes[level + 1];
            }

            for (var i = 0; i < count; i++)
            {
                var level = levels[i];
                scores[i] += ballot.Weight * (itemsBelow[level] + ((groupSizes[level] - 1) / 2.0));
            }
        }

        return PriorityRanking.FromScores(poll, scores);
    }
}
