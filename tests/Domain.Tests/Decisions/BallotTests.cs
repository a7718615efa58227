using Governance.Domain.Priorities;
using Governance.Domain.Priorities.Polls;
using static Governance.Domain.Tests.Priorities.Polls.PollScenario;

namespace Governance.Domain.Tests.Priorities.Polls;

/// <summary>Each method reads one part of a ballot and applies its rules; violations name the part the member wrote.</summary>
public sealed class PollBallotTests
{
    private static readonly BallotMarks Approve = new(Approved: ["a"]);

    public static TheoryData<PollMethod, string> ReadParts => new()
    {
        { PollMethod.Schulze, "ranking" },
        { PollMethod.Borda, "ranking" },
        { PollMethod.Approval, "approved" },
        { PollMethod.Score, "allocations" },
        { PollMethod.Quadratic, "allocations" },
        { PollMethod.Dot, "allocations" },
    };

    [Theory]
    [MemberData(nameof(ReadParts))]
    public void A_ballot_must_set_exactly_the_part_its_method_reads(PollMethod method, string field)
    {
        var poll = InVoting(method);
        BallotMarks[] wrong =
        [
            new(),
            .. new[] { Ranking("a"), Approve, Allocations(("a", 1)) }.Where(marks => Part(marks) != field),
            new(Ranking("a").Ranking, ["a"], [new ItemAmount("a", 1)]),
        ];

        foreach (var marks in wrong)
        {
            AssertInvalid("wrong-ballot-method", field, () => poll.DecideCastBallot("ann", marks, true, Now));
        }
    }

    public static TheoryData<PollMethod, BallotMarks, string, string> Violations => new()
    {
        { PollMethod.Schulze, Ranking("a|z"), "unknown-item", "ranking" },
        { PollMethod.Schulze, Ranking("a|ba"), "duplicate-item", "ranking" },
        { PollMethod.Schulze, new(Ranking: [["a"], []]), "empty-rank", "ranking" },
        { PollMethod.Schulze, new(Ranking: [["a"], null!]), "empty-rank", "ranking" },
        { PollMethod.Schulze, new(Ranking: [["a", null!]]), "unknown-item", "ranking" },
        { PollMethod.Borda, Ranking("z"), "unknown-item", "ranking" },
        { PollMethod.Borda, Ranking("aa"), "duplicate-item", "ranking" },
        { PollMethod.Borda, new(Ranking: [[]]), "empty-rank", "ranking" },
        { PollMethod.Approval, new(Approved: ["z"]), "unknown-item", "approved" },
        { PollMethod.Approval, new(Approved: ["a", "a"]), "duplicate-item", "approved" },
        { PollMethod.Approval, new(Approved: [null!]), "unknown-item", "approved" },
        { PollMethod.Score, Allocations(("z", 1)), "unknown-item", "allocations" },
        { PollMethod.Score, Allocations(("a", 1), ("a", 2)), "duplicate-item", "allocations" },
        { PollMethod.Score, Allocations(("a", MethodParameter.DefaultMaxScore + 1)), "score-out-of-range", "allocations" },
        { PollMethod.Score, Allocations(("a", -1)), "score-out-of-range", "allocations" },
        { PollMethod.Score, new(Allocations: [null!]), "unknown-item", "allocations" },
        { PollMethod.Quadratic, Allocations(("z", 1)), "unknown-item", "allocations" },
        { PollMethod.Quadratic, Allocations(("b", 1), ("b", 1)), "duplicate-item", "allocations" },
        { PollMethod.Quadratic, Allocations(("a", 10), ("b", -1)), "over-budget", "allocations" },
        { PollMethod.Dot, Allocations(("z", 1)), "unknown-item", "allocations" },
        { PollMethod.Dot, Allocations(("c", 1), ("c", 1)), "duplicate-item", "allocations" },
        { PollMethod.Dot, Allocations(("a", 6), ("b", 5)), "over-budget", "allocations" },
        { PollMethod.Dot, Allocations(("a", -1)), "negative-points", "allocations" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void A_ballot_that_breaks_its_methods_rules_is_invalid_with_the_methods_code(PollMethod method, BallotMarks marks, string code, string field)
    {
        AssertInvalid(code, field, () => InVoting(method).DecideCastBallot("ann", marks, true, Now));
    }

    public static TheoryData<PollMethod, BallotMarks> ValidBallots => new()
    {
        { PollMethod.Schulze, Ranking("b|ac") },
        { PollMethod.Borda, Ranking("c") },
        { PollMethod.Approval, new(Approved: []) },
        { PollMethod.Score, Allocations(("a", 0), ("b", MethodParameter.DefaultMaxScore)) },
        { PollMethod.Quadratic, Allocations(("a", 6), ("b", -8), ("c", 0)) },
        { PollMethod.Dot, Allocations(("a", 4), ("c", 6)) },
    };

    [Theory]
    [MemberData(nameof(ValidBallots))]
    public void A_ballot_at_the_limits_of_its_method_is_accepted(PollMethod method, BallotMarks marks)
    {
        Assert.IsType<PollBallotCast>(InVoting(method).DecideCastBallot("ann", marks, true, Now));
    }

    [Fact]
    public void The_chosen_parameter_sets_the_limits()
    {
        var poll = new Poll();
        poll.Apply(poll.DecideCreate("bakery", Definition(PollMethod.Dot) with { PointBudget = 3 }, Author, Now)!);
        poll.Apply(poll.DecideOpen(1, Author, Now));

        AssertInvalid("over-budget", "allocations", () => poll.DecideCastBallot("ann", Allocations(("a", 2), ("b", 2)), true, Now));
        Assert.NotNull(poll.DecideCastBallot("ann", Allocations(("a", 2), ("b", 1)), true, Now));
    }

    private static string Part(BallotMarks marks) =>
        marks.Ranking is not null ? "ranking" : marks.Approved is not null ? "approved" : "allocations";
}
