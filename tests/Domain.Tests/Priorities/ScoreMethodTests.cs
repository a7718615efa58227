using Governance.Domain.Priorities;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Priorities;

public sealed class ScoreMethodTests
{
    private const int MaxScore = 5;

    private static readonly PriorityPoll Poll = PriorityPoll.Create(["A", "B", "C"]);

    /// <summary>A: 2 × 5 = 10; B: 2 × 3 + 4 = 10; C: 5 + 1 = 6.</summary>
    [Fact]
    public void Scores_add_up_by_weight_and_unscored_items_get_zero()
    {
        var ranking = ScoreMethod.Tally(
            Poll,
            MaxScore,
            [Ballots.Allocation(2, ("A", 5), ("B", 3)), Ballots.Allocation(1, ("B", 4), ("C", 5)), Ballots.Allocation(1, ("C", 1), ("A", 0))]);

        Assert.Equal(
            [
                new RankedItem("A", 1, 10, true),
                new RankedItem("B", 1, 10, true),
                new RankedItem("C", 3, 6, false),
            ],
            ranking.Entries);
    }

    public static TheoryData<AllocationBallot, string> InvalidBallots => new()
    {
        { Ballots.Allocation(1, ("A", 6)), "score-out-of-range" },
        { Ballots.Allocation(1, ("A", -1)), "score-out-of-range" },
        { Ballots.Allocation(1, ("Z", 1)), "unknown-item" },
        { Ballots.Allocation(1, ("A", 1), ("A", 2)), "duplicate-item" },
        { Ballots.Allocation(0, ("A", 1)), "invalid-weight" },
    };

    [Theory]
    [MemberData(nameof(InvalidBallots))]
    public void Invalid_ballots_are_rejected(AllocationBallot ballot, string code) =>
        Assert.Equal(code, Assert.Throws<RuleViolationException>(() => ScoreMethod.Validate(Poll, MaxScore, ballot)).Code);

    [Fact]
    public void The_maximum_score_must_be_positive() =>
        Assert.Equal("invalid-max-score", Assert.Throws<RuleViolationException>(() => ScoreMethod.Tally(Poll, 0, [])).Code);
}
