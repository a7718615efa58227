using Governance.Domain.Rules;

namespace Governance.Domain.Priorities;

/// <summary>
/// Quadratic voting: n votes on an item, for or against (negative), cost n² credits, and a ballot's total cost
/// must fit its credit budget. An item's score is the weighted sum of its votes and may be negative.
/// </summary>
public static class QuadraticMethod
{
    public static void Validate(PriorityPoll poll, int creditBudget, AllocationBallot ballot)
    {
        BallotRules.RequirePositiveLimit(creditBudget, "invalid-budget", "creditBudget");
        Votes(poll, creditBudget, ballot);
    }

    public static PriorityRanking Tally(PriorityPoll poll, int creditBudget, IEnumerable<AllocationBallot> ballots)
    {
        BallotRules.RequirePositiveLimit(creditBudget, "invalid-budget", "creditBudget");
        var totals = new double[poll.Items.Count];
        foreach (var ballot in ballots)
        {
            var votes = Votes(poll, creditBudget, ballot);
            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] += ballot.Weight * votes[i];
            }
        }

        return PriorityRanking.FromScores(poll, totals);
    }

    private static long[] Votes(PriorityPoll poll, int creditBudget, AllocationBallot ballot)
    {
        var votes = BallotRules.AmountsByItem(poll, ballot, "votes");
        long cost = 0;
        foreach (var vote in votes)
        {
            // Stopping at the first overrun keeps the sum below long.MaxValue: each square is at most 2^62.
            cost += vote * vote;
            if (cost > creditBudget)
            {
                throw RuleViolationException.Invalid(
                    "over-budget", $"The votes cost more than the budget of {creditBudget} credits.", "votes");
            }
        }

        return votes;
    }
}
