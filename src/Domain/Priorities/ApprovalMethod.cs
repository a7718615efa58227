namespace Governance.Domain.Priorities;

/// <summary>An item's score is the total weight of the ballots approving it.</summary>
public static class ApprovalMethod
{
    public static void Validate(PriorityPoll poll, ApprovalBallot ballot) => ApprovedIndices(poll, ballot);

    public static PriorityRanking Tally(PriorityPoll poll, IEnumerable<ApprovalBallot> ballots)
    {
        var scores = new double[poll.Items.Count];
        foreach (var ballot in ballots)
        {
            foreach (var index in ApprovedIndices(poll, ballot))
            {
                scores[index] += ballot.Weight;
            }
        }

        return PriorityRanking.FromScores(poll, scores);
    }

    private static int[] ApprovedIndices(PriorityPoll poll, ApprovalBallot ballot)
    {
        BallotRules.RequirePositiveWeight(ballot.Weight);
        return BallotRules.DistinctIndices(poll, ballot.Approved, "approved");
    }
}
