using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Decisions.DecisionScenario;
using static Governance.Domain.Tests.Decisions.PollScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>The lifecycle of a decision of the poll kind: items, ranking ballots, weights frozen at close.</summary>
public sealed class PollLifecycleTests
{
    private static readonly string[] Members = ["ann", "ben", "cat"];

    [Fact]
    public void A_new_poll_is_in_discussion_with_trimmed_titles_and_its_method_parameter()
    {
        var poll = new Decision(DecisionKind.Poll);
        var definition = new DecisionDefinition(" Next quarter ", "Pick one.", "budget", CountingMethod.Score, Deadline, [new("a", " Oven "), new("b", "Van")], MaxScore: 7);

        var created = poll.DecideCreate("bakery", definition, Author, Now);
        poll.Apply(created!);

        var expected = new DecisionCreated(Now, "bakery", "Next quarter", "Pick one.", "budget", CountingMethod.Score, Deadline, Author, [new("a", "Oven"), new("b", "Van")], 7);
        Assert.Equal(expected with { Items = ((DecisionCreated)created!).Items }, created);
        Assert.Equal(expected.Items, ((DecisionCreated)created!).Items);
        Assert.True(poll.Exists);
        Assert.Equal(DecisionStatus.Discussion, poll.Status);
        Assert.Equal(1, poll.Version);
    }

    [Fact]
    public void Creating_again_with_the_same_definition_changes_nothing_but_a_different_one_is_a_conflict()
    {
        var poll = InDiscussion();

        Assert.Null(poll.DecideCreate("bakery", Definition(), Author, Now.AddMinutes(1)));
        AssertViolation(RuleViolationKind.Conflict, "poll-exists", () => poll.DecideCreate("bakery", Definition() with { Title = "Other" }, Author, Now));
        AssertViolation(RuleViolationKind.Conflict, "poll-exists", () => poll.DecideCreate("bakery", Definition(items: [new("a", "Item A")]), Author, Now));
    }

    [Fact]
    public void Items_must_be_present_distinct_valid_ids_with_titles_and_within_the_limit()
    {
        var limits = new GovernanceLimits { MaxItemsPerPoll = 2, MaxIdLength = 5 };
        DecisionEvent? Create(params DecisionItem[] items) => new Decision(DecisionKind.Poll) { Limits = limits }.DecideCreate("bakery", Definition(items: items), Author, Now);

        AssertInvalid("no-items", "items", () => Create());
        AssertInvalid("no-items", "items", () => new Decision(DecisionKind.Poll).DecideCreate("bakery", Definition() with { Items = null }, Author, Now));
        AssertInvalid("too-many-items", "items", () => Create(new DecisionItem("a", "A"), new("b", "B"), new("c", "C")));
        AssertInvalid("invalid-item-id", "items", () => Create(new DecisionItem("a b", "A")));
        AssertInvalid("invalid-item-id", "items", () => Create(new DecisionItem("abcdef", "A")));
        AssertInvalid("invalid-item-id", "items", () => Create(new DecisionItem(null!, "A")));
        AssertInvalid("invalid-item-title", "items", () => Create(new DecisionItem("a", "  ")));
        AssertInvalid("invalid-item-title", "items", () => Create(new DecisionItem("a", new string('t', limits.MaxTitleLength + 1))));
        AssertInvalid("duplicate-item", "items", () => Create(new DecisionItem("a", "A"), new("a", "Again")));
        Assert.NotNull(Create(new DecisionItem("abcde", "A"), new("b", "B")));
    }

    [Fact]
    public void The_item_limit_defaults_to_100_and_must_be_at_least_1()
    {
        var atLimit = Enumerable.Range(0, 100).Select(index => new DecisionItem($"i{index}", "Item")).ToArray();

        Assert.Equal(100, GovernanceLimits.Default.MaxItemsPerPoll);
        Assert.NotNull(new Decision(DecisionKind.Poll).DecideCreate("bakery", Definition(items: atLimit), Author, Now));
        AssertInvalid("too-many-items", "items", () => new Decision(DecisionKind.Poll).DecideCreate("bakery", Definition(items: [.. atLimit, new("one-more", "Item")]), Author, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GovernanceLimits { MaxItemsPerPoll = 0 }.Validate());
    }

    [Fact]
    public void Commands_to_a_poll_that_does_not_exist_are_not_found()
    {
        AssertViolation(RuleViolationKind.NotFound, "poll-not-found", () => new Decision(DecisionKind.Poll).DecideOpen(1, Author, Now));
        AssertViolation(RuleViolationKind.NotFound, "poll-not-found", () => new Decision(DecisionKind.Poll).DecideCastBallot("ann", Ranking("a"), true, Now));
        AssertViolation(RuleViolationKind.NotFound, "poll-not-found", () => new Decision(DecisionKind.Poll).DecideSetDelegation("ann", "ben", Now));
        AssertViolation(RuleViolationKind.NotFound, "poll-not-found", () => new Decision(DecisionKind.Poll).Result(null, null));
    }

    [Fact]
    public void Ballots_need_voting_open_and_an_eligible_member()
    {
        AssertViolation(RuleViolationKind.Conflict, "voting-not-open", () => InDiscussion().DecideCastBallot("ann", Ranking("a"), true, Now));
        AssertViolation(RuleViolationKind.Conflict, "voting-not-open", () => InVoting().DecideCastBallot("ann", Ranking("a"), true, Deadline));
        AssertViolation(RuleViolationKind.Conflict, "not-eligible", () => InVoting().DecideCastBallot("late", Ranking("a"), false, Now));
        AssertViolation(RuleViolationKind.Conflict, "voting-not-open", () => InVoting().Rank("ann", "a").DecideWithdrawBallot("ann", true, Deadline));
    }

    [Fact]
    public void An_invalid_ballot_is_invalid_even_when_voting_is_not_open()
    {
        AssertInvalid("unknown-item", "ranking", () => InDiscussion().DecideCastBallot("ann", Ranking("z"), true, Now));
    }

    [Fact]
    public void The_same_ballot_again_changes_nothing_and_a_different_one_replaces_it()
    {
        var poll = InVoting().Rank("ann", "a|bc");

        Assert.Null(poll.DecideCastBallot("ann", Ranking("a|bc"), true, Now));
        poll.Rank("ann", "a|cb");

        Assert.Equal(Ranking("a|cb"), poll.Ballots["ann"].Marks, BallotComparer.Instance);
        Assert.Null(poll.DecideWithdrawBallot("ben", true, Now));
    }

    [Fact]
    public void Delegations_may_change_until_the_close_or_the_deadline()
    {
        var roster = Roster(Members);
        var layers = new ClosingLayers(Layer(Members), null);
        var poll = InDiscussion().Delegate("ben", "ann");
        Assert.Null(poll.DecideSetDelegation("ben", "ann", Now));
        poll.Apply(poll.DecideOpen(1, Author, Now));
        poll.Apply(poll.DecideClearDelegation("ben", Now)!);
        Assert.Null(poll.DecideClearDelegation("ben", Now));

        AssertViolation(RuleViolationKind.Conflict, "poll-closed", () => poll.DecideSetDelegation("ben", "cat", Deadline));
        poll.Close(roster, layers);
        AssertViolation(RuleViolationKind.Conflict, "poll-closed", () => poll.DecideSetDelegation("ben", "cat", Now));
        AssertViolation(RuleViolationKind.Conflict, "poll-closed", () => poll.DecideClearDelegation("ben", Now));
    }

    [Fact]
    public void Closing_freezes_eligibility_and_weights_so_later_delegations_no_longer_count()
    {
        var roster = Roster(Members);
        var poll = InVoting().Rank("ann", "a|b|c").Rank("ben", "b|a|c");
        var atClose = new ClosingLayers(Layer(Members, ("cat", "ben")), null);

        poll.Apply(poll.DecideClose(roster, atClose, CloseReason.Deadline, Now, by: null));

        var closing = poll.Closing!;
        Assert.Equal((CloseReason.Deadline, 3, (string?)null), (closing.Reason, closing.Eligible, closing.By));
        Assert.Equal(new Dictionary<string, int> { ["ann"] = 1, ["ben"] = 2 }, closing.Weights);
        Assert.Same(atClose, closing.Layers);
        var result = poll.FrozenResult();
        Assert.Equal(["b", "a", "c"], result.Ranking.Entries.Select(entry => entry.Item));
        Assert.Equal((3, 3), (result.Eligible, result.Participation));
    }

    [Fact]
    public void In_discussion_nothing_is_counted_and_every_item_ties_first()
    {
        var result = InDiscussion().FrozenResult();

        Assert.Equal([(1, true), (1, true), (1, true)], result.Ranking.Entries.Select(entry => (entry.Position, entry.Tied)));
        Assert.Equal((0, 0), (result.Eligible, result.Participation));
    }

    [Fact]
    public void A_snapshot_restores_the_same_state()
    {
        var roster = Roster(Members);
        var poll = InVoting(CountingMethod.Dot).Cast("ann", Allocations(("a", 3), ("b", 7))).Delegate("ben", "ann").Delegate("cat", null);
        poll.Close(roster, new ClosingLayers(Layer(Members), null));

        var restored = Decision.FromSnapshot(poll.ToSnapshot(), DecisionKind.Poll, GovernanceLimits.Default);

        Assert.Equal((poll.Version, poll.Status, poll.Created, poll.Opened, poll.Closing), (restored.Version, restored.Status, restored.Created, restored.Opened, restored.Closing));
        Assert.Equal(poll.Delegations, restored.Delegations);
        Assert.Equal(poll.Ballots.Values, restored.Ballots.Values);
        Assert.Equal(poll.FrozenResult().Ranking.Entries, restored.FrozenResult().Ranking.Entries);
    }

    /// <summary>Ballot marks hold lists, which records compare by reference.</summary>
    private sealed class BallotComparer : IEqualityComparer<BallotMarks>
    {
        public static readonly BallotComparer Instance = new();

        public bool Equals(BallotMarks? x, BallotMarks? y) => x is not null && y is not null && x.SameAs(y);

        public int GetHashCode(BallotMarks obj) => 0;
    }
}
