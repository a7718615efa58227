using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Domain.Priorities;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Priorities;

public sealed class QuadraticMethodTests
{
    private const int CreditBudget = 10;

    private static readonly PriorityPoll Poll = PriorityPoll.Create(["A", "B", "C"]);

    /// <summary>
    /// A: 2 × 3 + 1 = 7; B: 2 × -1 + 2 = 0; C: -2 + 2 × 1 = 0. The first ballot spends exactly 9 + 1 = 10 credits.
    /// </summary>
    [Fact]
    public void Votes_add_up_by_weight_and_may_be_negative()
    {
        var ranking = QuadraticMethod.Tally(
            Poll,
            CreditBudget,
            [Ballots.Allocation(2, ("A", 3), ("B", -1)), Ballots.Allocation(1, ("B", 2), ("C", -2), ("A", 1)), Ballots.Allocation(2, ("C", 1))]);

        Assert.Equal(
            [
                new RankedItem("A", 1, 7, false),
                new RankedItem("B", 2, 0, true),
                new RankedItem("C", 2, 0, true),
            ],
            ranking.Entries);
    }

    public static TheoryData<AllocationBallot, string> InvalidBallots => new()
    {
        { Ballots.Allocation(1, ("A", 3), ("B", -2)), "over-budget" },
        { Ballots.Allocation(1, ("A", int.MaxValue), ("B", int.MinValue), ("C", int.MinValue)), "over-budget" },
        { Ballots.Allocation(1, ("Z", 1)), "unknown-item" },
        { Ballots.Allocation(1, ("A", 1), ("A", -1)), "duplicate-item" },
        { Ballots.Allocation(0, ("A", 1)), "invalid-weight" },
    };

    [Theory]
    [MemberData(nameof(InvalidBallots))]
    public void Invalid_ballots_are_rejected(AllocationBallot ballot, string code) =>
        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => QuadraticMethod.Validate(Poll, CreditBudget, ballot)).Code);

    [Fact]
    public void The_credit_budget_must_be_positive() =>
        Assert.Equal("invalid-budget", Assert.Throws<RuleViolationException>(() => QuadraticMethod.Tally(Poll, 0, [])).Code);

    [Property(MaxTest = 500)]
    public Property A_ballot_is_accepted_exactly_when_its_squares_fit_the_budget() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(-6, 6), Poll.Items.Count).ToArbitrary(),
            Gen.Choose(1, 60).ToArbitrary(),
            (votes, budget) =>
            {
                var ballot = new AllocationBallot([.. votes.Select((vote, index) => new ItemAmount(Poll.Items[index], vote))]);
                var cost = votes.Sum(vote => vote * vote);

                if (cost <= budget)
                {
                    QuadraticMethod.Validate(Poll, budget, ballot);
                }
                else
                {
                    Assert.Equal("over-budget", Assert.Throws<RuleViolationException>(() => QuadraticMethod.Validate(Poll, budget, ballot)).Code);
                }
            });
}
