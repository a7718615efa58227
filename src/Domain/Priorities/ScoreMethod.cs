using Governance.Domain.Rules;

namespace Governance.Domain.Priorities;

/// <summary>Each ballot scores items from 0 to a maximum (unscored items get 0); an item's score is the weighted sum.</summary>
public static class ScoreMethod
{
    public static void Validate(PriorityPoll poll, int maxScore, AllocationBallot ballot)
    {
        BallotRules.RequirePositiveLimit(maxScore, "invalid-max-score", "maxScore");
        Scores(poll, maxScore, ballot);
    }

    public static PriorityRanking Tally(PriorityPoll poll, int maxScore, IEnumerable<AllocationBallot> ballots)
    {
        BallotRules.RequirePositiveLimit(maxScore, "invalid-max-score", "maxScore");
        var totals = new double[poll.Items.Count];
        foreach (var ballot in ballots)
        {
            var scores = Scores(poll, maxScore, ballot);
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += ballot.Weight * scores[i];
            }
        }

        return PriorityRanking.FromScores(poll, totals);
    }

    private static long[] Scores(PriorityPoll poll, int maxScore, AllocationBallot ballot)
    {
        var scores = BallotRules.AmountsByItem(poll, ballot, "scores");
        foreach (var allocation in ballot.Allocations)
        {
            if (allocation.Amount < 0 || allocation.Amount > maxScore)
            {
                throw RuleViolationException.Invalid(
                    "score-out-of-range", $"The score for '{allocation.Item}' must be between 0 and {maxScore}.", "scores");
            }
        }

        return scores;
    }
}
