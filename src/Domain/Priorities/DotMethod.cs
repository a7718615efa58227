using Governance.Domain.Rules;

namespace Governance.Domain.Priorities;

/// <summary>Dot voting: a ballot spreads at most its point budget over items; an item's score is the weighted sum of its points.</summary>
public static class DotMethod
{
    public static void Validate(PriorityPoll poll, int pointBudget, AllocationBallot ballot)
    {
        BallotRules.RequirePositiveLimit(pointBudget, "invalid-budget", "pointBudget");
        Points(poll, pointBudget, ballot);
    }

    public static PriorityRanking Tally(PriorityPoll poll, int pointBudget, IEnumerable<AllocationBallot> ballots)
    {
        BallotRules.RequirePositiveLimit(pointBudget, "invalid-budget", "pointBudget");
        var totals = new double[poll.Items.Count];
        foreach (var ballot in ballots)
        {
            var points = Points(poll, pointBudget, ballot);
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += ballot.Weight * points[i];
            }
        }

        return PriorityRanking.FromScores(poll, totals);
    }

    private static long[] Points(PriorityPoll poll, int pointBudget, AllocationBallot ballot)
    {
        var points = BallotRules.AmountsByItem(poll, ballot, "points");
        if (points.Any(point => point < 0))
        {
            throw RuleViolationException.Invalid("negative-points", "Points must not be negative.", "points");
        }

        if (points.Sum() > pointBudget)
        {
            throw RuleViolationException.Invalid("over-budget", $"The points exceed the budget of {pointBudget}.", "points");
        }

        return points;
    }
}
