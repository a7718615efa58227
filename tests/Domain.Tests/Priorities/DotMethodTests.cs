using Governance.Domain.Priorities;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Priorities;

public sealed class DotMethodTests
{
    private const int PointBudget = 5;

    private static readonly PriorityPoll Poll = PriorityPoll.Create(["A", "B", "C"]);

    /// <summary>A: 2 × 3 = 6; B: 2 × 2 + 2 = 6; C: 3. Both ballots spend the whole budget.</summary>
    [Fact]
    public void Points_add_up_by_weight()
    {
        var ranking = DotMethod.Tally(Poll, PointBudget, [Ballots.Allocation(2, ("A", 3), ("B", 2)), Ballots.Allocation(1, ("C", 3), ("B", 2))]);

        Assert.Equal(
            [
                new RankedItem("A", 1, 6, true),
                new RankedItem("B", 1, 6, true),
                new RankedItem("C", 3, 3, false),
            ],
            ranking.Entries);
    }

    public static TheoryData<AllocationBallot, string> InvalidBallots => new()
    {
        { Ballots.Allocation(1, ("A", 3), ("B", 3)), "over-budget" },
        { Ballots.Allocation(1, ("A", 6), ("B", -1)), "negative-points" },
        { Ballots.Allocation(1, ("Z", 1)), "unknown-item" },
        { Ballots.Allocation(1, ("C", 1), ("C", 1)), "duplicate-item" },
        { Ballots.Allocation(0, ("A", 1)), "invalid-weight" },
    };

    [Theory]
    [MemberData(nameof(InvalidBallots))]
    public void Invalid_ballots_are_rejected(AllocationBallot ballot, string code) =>
        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => DotMethod.Validate(Poll, PointBudget, ballot)).Code);

    [Fact]
    public void The_point_budget_must_be_positive() =>
        Assert.Equal("invalid-budget", Assert.Throws<RuleViolationException>(() => DotMethod.Tally(Poll, 0, [])).Code);
}
