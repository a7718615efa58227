using Governance.Domain.Priorities.Polls;
using Governance.Domain.Proposals;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Priorities.Polls.PollScenario;

namespace Governance.Domain.Tests.Priorities.Polls;

public sealed class PollLifecycleTests
{
    private static readonly string[] Members = ["ann", "ben", "cat"];

    [Fact]
    public void A_new_poll_is_in_discussion_with_trimmed_titles_and_its_method_parameter()
    {
        var poll = new Poll();
        var definition = new PollDefinition(" Next quarter ", "Pick one.", "budget", PollMethod.Score, [new("a", " Oven "), new("b", "Van")], Deadline, MaxScore: 7);

        var created = poll.DecideCreate("bakery", definition, Author, Now);
        poll.Apply(created!);

        var expected = new PollCreated(Now, "bakery", "Next quarter", "Pick one.", "budget", PollMethod.Score, 7, [new("a", "Oven"), new("b", "Van")], Deadline, Author);
        Assert.Equal(expected with { Items = ((PollCreated)created!).Items }, created);
        Assert.Equal(expected.Items, ((PollCreated)created!).Items);
        Assert.True(poll.Exists);
        Assert.Equal(PollStatus.Discussion, poll.Status);
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

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_title_is_invalid(string title)
    {
        AssertInvalid("invalid-title", "title", () => new Poll().DecideCreate("bakery", Definition() with { Title = title }, Author, Now));
    }

    [Fact]
    public void A_title_or_body_over_the_limit_is_invalid()
    {
        var longTitle = new string('t', GovernanceLimits.Default.MaxTitleLength + 1);
        var longBody = new string('b', GovernanceLimits.Default.MaxBodyLength + 1);

        AssertInvalid("invalid-title", "title", () => new Poll().DecideCreate("bakery", Definition() with { Title = longTitle }, Author, Now));
        AssertInvalid("invalid-body", "body", () => new Poll().DecideCreate("bakery", Definition() with { Body = longBody }, Author, Now));
    }

    [Fact]
    public void Items_must_be_present_distinct_valid_ids_with_titles_and_within_the_limit()
    {
        var limits = new GovernanceLimits { MaxItemsPerPoll = 2, MaxIdLength = 5 };
        PollEvent? Create(params PollItem[] items) => new Poll { Limits = limits }.DecideCreate("bakery", Definition(items: items), Author, Now);

        AssertInvalid("no-items", "items", () => Create());
        AssertInvalid("no-items", "items", () => new Poll().DecideCreate("bakery", Definition() with { Items = null }, Author, Now));
        AssertInvalid("too-many-items", "items", () => Create(new PollItem("a", "A"), new("b", "B"), new("c", "C")));
        AssertInvalid("invalid-item-id", "items", () => Create(new PollItem("a b", "A")));
        AssertInvalid("invalid-item-id", "items", () => Create(new PollItem("abcdef", "A")));
        AssertInvalid("invalid-item-id", "items", () => Create(new PollItem(null!, "A")));
        AssertInvalid("invalid-item-title", "items", () => Create(new PollItem("a", "  ")));
        AssertInvalid("invalid-item-title", "items", () => Create(new PollItem("a", new string('t', limits.MaxTitleLength + 1))));
        AssertInvalid("duplicate-item", "items", () => Create(new PollItem("a", "A"), new("a", "Again")));
        Assert.NotNull(Create(new PollItem("abcde", "A"), new("b", "B")));
    }

    [Fact]
    public void The_item_limit_defaults_to_100_and_must_be_at_least_1()
    {
        var atLimit = Enumerable.Range(0, 100).Select(index => new PollItem($"i{index}", "Item")).ToArray();

        Assert.Equal(100, GovernanceLimits.Default.MaxItemsPerPoll);
        Assert.NotNull(new Poll().DecideCreate("bakery", Definition(items: atLimit), Author, Now));
        AssertInvalid("too-many-items", "items", () => new Poll().DecideCreate("bakery", Definition(items: [.. atLimit, new("one-more", "Item")]), Author, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GovernanceLimits { MaxItemsPerPoll = 0 }.Validate());
    }

    [Fact]
    public void A_deadline_that_is_not_in_the_future_is_invalid()
    {
        AssertInvalid("invalid-closes-at", "closesAt", () => new Poll().DecideCreate("bakery", Definition() with { ClosesAt = Now }, Author, Now));
    }

    [Fact]
    public void Commands_to_a_poll_that_does_not_exist_are_not_found()
    {
        AssertViolation(RuleViolationKind.NotFound, "poll-not-found", () => new Poll().DecideOpen(1, Author, Now));
        AssertViolation(RuleViolationKind.NotFound, "poll-not-found", () => new Poll().DecideCastBallot("ann", Ranking("a"), true, Now));
        AssertViolation(RuleViolationKind.NotFound, "poll-not-found", () => new Poll().DecideSetDelegation("ann", "ben", Now));
        AssertViolation(RuleViolationKind.NotFound, "poll-not-found", () => new Poll().Result(() => throw new InvalidOperationException()));
    }

    [Fact]
    public void Opening_fixes_the_roster_version_once()
    {
        var poll = InDiscussion();

        var opened = poll.DecideOpen(42, Author, Now.AddHours(1));
        poll.Apply(opened);

        Assert.Equal(new PollOpened(Now.AddHours(1), 42, Author), opened);
        Assert.Equal((PollStatus.Voting, 42L), (poll.Status, poll.RosterVersion!.Value));
        AssertViolation(RuleViolationKind.Conflict, "not-in-discussion", () => poll.DecideOpen(43, Author, Now));
    }

    [Fact]
    public void Opening_after_the_deadline_is_a_conflict()
    {
        AssertViolation(RuleViolationKind.Conflict, "deadline-passed", () => InDiscussion().DecideOpen(1, Author, Deadline));
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
    public void Only_a_poll_in_voting_closes()
    {
        var roster = Roster(Members);
        var layers = new ClosingLayers(Layer(Members), null);

        AssertViolation(RuleViolationKind.Conflict, "not-voting", () => InDiscussion().DecideClose(roster, layers, CloseReason.Requested, Now, Author));
        var closed = InVoting().Close(roster, layers);
        AssertViolation(RuleViolationKind.Conflict, "not-voting", () => closed.DecideClose(roster, layers, CloseReason.Requested, Now, Author));
        AssertViolation(RuleViolationKind.Conflict, "voting-not-open", () => closed.DecideCastBallot("ann", Ranking("a"), true, Now));
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
        var result = poll.Result(() => throw new InvalidOperationException("A closed poll asks for no live weights."));
        Assert.Equal(["b", "a", "c"], result.Ranking.Entries.Select(entry => entry.Item));
        Assert.Equal((3, 3), (result.Eligible, result.Participation));
    }

    [Fact]
    public void In_discussion_nothing_is_counted_and_every_item_ties_first()
    {
        var result = InDiscussion().Result(() => throw new InvalidOperationException("A poll in discussion asks for no live weights."));

        Assert.Equal([(1, true), (1, true), (1, true)], result.Ranking.Entries.Select(entry => (entry.Position, entry.Tied)));
        Assert.Equal((0, 0), (result.Eligible, result.Participation));
    }

    [Fact]
    public void A_snapshot_restores_the_same_state()
    {
        var roster = Roster(Members);
        var poll = InVoting(PollMethod.Dot).Cast("ann", Allocations(("a", 3), ("b", 7))).Delegate("ben", "ann").Delegate("cat", null);
        poll.Close(roster, new ClosingLayers(Layer(Members), null));

        var restored = Poll.FromSnapshot(poll.ToSnapshot(), GovernanceLimits.Default);

        Assert.Equal((poll.Version, poll.Status, poll.Created, poll.Opened, poll.Closing), (restored.Version, restored.Status, restored.Created, restored.Opened, restored.Closing));
        Assert.Equal(poll.Delegations, restored.Delegations);
        Assert.Equal(poll.Ballots.Values, restored.Ballots.Values);
        Assert.Equal(
            poll.Result(() => throw new InvalidOperationException()).Ranking.Entries,
            restored.Result(() => throw new InvalidOperationException()).Ranking.Entries);
    }

    /// <summary>Ballot marks hold lists, which records compare by reference.</summary>
    private sealed class BallotComparer : IEqualityComparer<BallotMarks>
    {
        public static readonly BallotComparer Instance = new();

        public bool Equals(BallotMarks? x, BallotMarks? y) => x is not null && y is not null && x.SameAs(y);

        public int GetHashCode(BallotMarks obj) => 0;
    }
}
