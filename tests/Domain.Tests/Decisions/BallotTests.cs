using Governance.Domain.Decisions;
using Governance.Domain.Priorities;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;
using static Governance.Domain.Tests.Decisions.PollScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>Each counting method, majority among them, reads one part of a ballot and applies its rules; violations name the part the member wrote.</summary>
public sealed class BallotTests
{
    private static readonly BallotMarks Approve = new(Approved: ["a"]);

    private static readonly BallotMarks Yes = BallotMarks.Of(Choice.Yes);

    public static TheoryData<CountingMethod, string> ReadParts => new()
    {
        { CountingMethod.Schulze, "ranking" },
        { CountingMethod.Borda, "ranking" },
        { CountingMethod.Approval, "approved" },
        { CountingMethod.Score, "allocations" },
        { CountingMethod.Quadratic, "allocations" },
        { CountingMethod.Dot, "allocations" },
        { CountingMethod.Majority, "choice" },
    };

    [Theory]
    [MemberData(nameof(ReadParts))]
    public void A_ballot_must_set_exactly_the_part_its_method_reads(CountingMethod method, string field)
    {
        var decision = Voting(method);
        BallotMarks[] wrong =
        [
            new(),
            .. new[] { Ranking("a"), Approve, Allocations(("a", 1)), Yes }.Where(marks => Part(marks) != field),
            new(Ranking("a").Ranking, ["a"], [new ItemAmount("a", 1)]),
            new(Ranking("a").Ranking, ["a"], [new ItemAmount("a", 1)], Choice.Yes),
        ];

        foreach (var marks in wrong)
        {
            AssertInvalid("wrong-ballot-method", field, () => decision.DecideCastBallot("ann", marks, true, Now));
        }
    }

    public static TheoryData<CountingMethod, BallotMarks, string, string> Violations => new()
    {
        { CountingMethod.Schulze, Ranking("a|z"), "unknown-item", "ranking" },
        { CountingMethod.Schulze, Ranking("a|ba"), "duplicate-item", "ranking" },
        { CountingMethod.Schulze, new(Ranking: [["a"], []]), "empty-rank", "ranking" },
        { CountingMethod.Schulze, new(Ranking: [["a"], null!]), "empty-rank", "ranking" },
        { CountingMethod.Schulze, new(Ranking: [["a", null!]]), "unknown-item", "ranking" },
        { CountingMethod.Borda, Ranking("z"), "unknown-item", "ranking" },
        { CountingMethod.Borda, Ranking("aa"), "duplicate-item", "ranking" },
        { CountingMethod.Borda, new(Ranking: [[]]), "empty-rank", "ranking" },
        { CountingMethod.Approval, new(Approved: ["z"]), "unknown-item", "approved" },
        { CountingMethod.Approval, new(Approved: ["a", "a"]), "duplicate-item", "approved" },
        { CountingMethod.Approval, new(Approved: [null!]), "unknown-item", "approved" },
        { CountingMethod.Score, Allocations(("z", 1)), "unknown-item", "allocations" },
        { CountingMethod.Score, Allocations(("a", 1), ("a", 2)), "duplicate-item", "allocations" },
        { CountingMethod.Score, Allocations(("a", MethodParameter.DefaultMaxScore + 1)), "score-out-of-range", "allocations" },
        { CountingMethod.Score, Allocations(("a", -1)), "score-out-of-range", "allocations" },
        { CountingMethod.Score, new(Allocations: [null!]), "unknown-item", "allocations" },
        { CountingMethod.Quadratic, Allocations(("z", 1)), "unknown-item", "allocations" },
        { CountingMethod.Quadratic, Allocations(("b", 1), ("b", 1)), "duplicate-item", "allocations" },
        { CountingMethod.Quadratic, Allocations(("a", 10), ("b", -1)), "over-budget", "allocations" },
        { CountingMethod.Dot, Allocations(("z", 1)), "unknown-item", "allocations" },
        { CountingMethod.Dot, Allocations(("c", 1), ("c", 1)), "duplicate-item", "allocations" },
        { CountingMethod.Dot, Allocations(("a", 6), ("b", 5)), "over-budget", "allocations" },
        { CountingMethod.Dot, Allocations(("a", -1)), "negative-points", "allocations" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void A_ballot_that_breaks_its_methods_rules_is_invalid_with_the_methods_code(CountingMethod method, BallotMarks marks, string code, string field)
    {
        AssertInvalid(code, field, () => InVoting(method).DecideCastBallot("ann", marks, true, Now));
    }

    public static TheoryData<CountingMethod, BallotMarks> ValidBallots => new()
    {
        { CountingMethod.Schulze, Ranking("b|ac") },
        { CountingMethod.Borda, Ranking("c") },
        { CountingMethod.Approval, new(Approved: []) },
        { CountingMethod.Score, Allocations(("a", 0), ("b", MethodParameter.DefaultMaxScore)) },
        { CountingMethod.Quadratic, Allocations(("a", 6), ("b", -8), ("c", 0)) },
        { CountingMethod.Dot, Allocations(("a", 4), ("c", 6)) },
        { CountingMethod.Majority, BallotMarks.Of(Choice.Abstain) },
    };

    [Theory]
    [MemberData(nameof(ValidBallots))]
    public void A_ballot_at_the_limits_of_its_method_is_accepted(CountingMethod method, BallotMarks marks)
    {
        Assert.IsType<BallotCast>(Voting(method).DecideCastBallot("ann", marks, true, Now));
    }

    [Fact]
    public void The_chosen_parameter_sets_the_limits()
    {
        var poll = new Decision(DecisionKind.Poll);
        poll.Apply(poll.DecideCreate("bakery", Definition(CountingMethod.Dot) with { PointBudget = 3 }, Author, Now)!);
        poll.Apply(poll.DecideOpen(1, Author, Now));

        AssertInvalid("over-budget", "allocations", () => poll.DecideCastBallot("ann", Allocations(("a", 2), ("b", 2)), true, Now));
        Assert.NotNull(poll.DecideCastBallot("ann", Allocations(("a", 2), ("b", 1)), true, Now));
    }

    /// <summary>A proposal when the method is majority, else a poll counted by the method.</summary>
    private static Decision Voting(CountingMethod method) => method == CountingMethod.Majority ? ProposalScenario.InVoting() : InVoting(method);

    private static string Part(BallotMarks marks) =>
        marks.Choice is not null ? "choice" : marks.Ranking is not null ? "ranking" : marks.Approved is not null ? "approved" : "allocations";
}
