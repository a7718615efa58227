using Governance.Domain.Proposals;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Proposals.ProposalScenario;

namespace Governance.Domain.Tests.Proposals;

public sealed class ProposalLifecycleTests
{
    [Fact]
    public void A_new_proposal_is_in_discussion_with_its_rule_and_deadline()
    {
        var proposal = new Proposal();

        var created = proposal.DecideCreate("bakery", "  New oven ", "Ours broke.", "bread", Deadline, DecisionRule.Create(0.3, 0.6), Author, Now);
        proposal.Apply(created);

        Assert.Equal(new ProposalCreated(Now, "bakery", "New oven", "Ours broke.", "bread", Deadline, 0.3, 0.6, Author), created);
        Assert.True(proposal.Exists);
        Assert.Equal(ProposalStatus.Discussion, proposal.Status);
        Assert.Equal(new DecisionRule(0.3, 0.6), proposal.Rule);
        Assert.Equal(Deadline, proposal.ClosesAt);
        Assert.Null(proposal.RosterVersion);
        Assert.Equal(1, proposal.Version);
    }

    [Fact]
    public void Creating_twice_is_a_conflict()
    {
        var violation = Assert.Throws<RuleViolationException>(
            () => InDiscussion().DecideCreate("bakery", "Again", null, null, null, DecisionRule.Default, Author, Now));

        Assert.Equal(RuleViolationKind.Conflict, violation.Kind);
        Assert.Equal("proposal-exists", violation.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_title_is_invalid(string title)
    {
        AssertInvalid("invalid-title", "title", () => new Proposal().DecideCreate("bakery", title, null, null, null, DecisionRule.Default, Author, Now));
    }

    [Fact]
    public void A_title_or_body_over_the_limit_is_invalid()
    {
        var longTitle = new string('t', GovernanceLimits.Default.MaxTitleLength + 1);
        var longBody = new string('b', GovernanceLimits.Default.MaxBodyLength + 1);

        AssertInvalid("invalid-title", "title", () => new Proposal().DecideCreate("bakery", longTitle, null, null, null, DecisionRule.Default, Author, Now));
        AssertInvalid("invalid-body", "body", () => new Proposal().DecideCreate("bakery", "Oven", longBody, null, null, DecisionRule.Default, Author, Now));
    }

    [Fact]
    public void A_deadline_that_is_not_in_the_future_is_invalid()
    {
        AssertInvalid("invalid-closes-at", "closesAt", () => new Proposal().DecideCreate("bakery", "Oven", null, null, Now, DecisionRule.Default, Author, Now));
    }

    [Fact]
    public void Commands_to_a_proposal_that_does_not_exist_are_not_found()
    {
        var violation = Assert.Throws<RuleViolationException>(() => new Proposal().DecideOpen(1, Author, Now));

        Assert.Equal(RuleViolationKind.NotFound, violation.Kind);
        Assert.Equal("proposal-not-found", violation.Code);
    }

    [Fact]
    public void Opening_fixes_the_roster_version_and_starts_voting()
    {
        var proposal = InDiscussion();

        var opened = proposal.DecideOpen(42, Author, Now.AddHours(1));
        proposal.Apply(opened);

        Assert.Equal(new VotingOpened(Now.AddHours(1), 42, Author), opened);
        Assert.Equal(ProposalStatus.Voting, proposal.Status);
        Assert.Equal(42, proposal.RosterVersion);
        Assert.Equal(Now.AddHours(1), proposal.OpenedAt);
    }

    [Fact]
    public void Opening_twice_is_a_conflict()
    {
        AssertConflict("not-in-discussion", () => InVoting().DecideOpen(2, Author, Now));
    }

    [Fact]
    public void Opening_after_the_deadline_is_a_conflict()
    {
        AssertConflict("deadline-passed", () => InDiscussion().DecideOpen(1, Author, Deadline));
    }

    [Fact]
    public void Votes_are_refused_during_discussion()
    {
        var proposal = InDiscussion();

        AssertConflict("voting-not-open", () => proposal.DecideCastVote("ann", Choice.Yes, eligible: true, Now));
        AssertConflict("voting-not-open", () => proposal.DecideWithdrawVote("ann", eligible: true, Now));
    }

    [Fact]
    public void A_ballot_is_recorded_a_repeat_changes_nothing_and_a_new_choice_replaces_it()
    {
        var proposal = InVoting().Vote("ann", Choice.Yes);

        Assert.Equal(new Ballot("ann", Choice.Yes, Now), proposal.Ballots["ann"]);
        Assert.Null(proposal.DecideCastVote("ann", Choice.Yes, eligible: true, Now));
        Assert.Equal(new BallotCast(Now, "ann", Choice.No), proposal.DecideCastVote("ann", Choice.No, eligible: true, Now));
    }

    [Fact]
    public void Withdrawing_removes_the_ballot_and_withdrawing_nothing_changes_nothing()
    {
        var proposal = InVoting().Vote("ann", Choice.Yes);

        Assert.Null(proposal.DecideWithdrawVote("bob", eligible: true, Now));
        proposal.Withdraw("ann");

        Assert.Empty(proposal.Ballots);
        Assert.Null(proposal.DecideWithdrawVote("ann", eligible: true, Now));
    }

    [Fact]
    public void An_ineligible_member_may_neither_vote_nor_withdraw()
    {
        var proposal = InVoting();

        AssertConflict("not-eligible", () => proposal.DecideCastVote("eve", Choice.Yes, eligible: false, Now));
        AssertConflict("not-eligible", () => proposal.DecideWithdrawVote("eve", eligible: false, Now));
    }

    [Fact]
    public void Votes_are_refused_from_the_deadline_on_even_before_the_close_is_recorded()
    {
        var proposal = InVoting().Vote("ann", Choice.Yes);

        Assert.NotNull(proposal.DecideCastVote("bob", Choice.No, eligible: true, Deadline.AddTicks(-1)));
        Assert.Equal(ProposalStatus.Voting, proposal.Status);
        AssertConflict("voting-not-open", () => proposal.DecideCastVote("bob", Choice.No, eligible: true, Deadline));
        AssertConflict("voting-not-open", () => proposal.DecideWithdrawVote("ann", eligible: true, Deadline.AddMinutes(1)));
    }

    [Fact]
    public void Closing_freezes_the_tally_with_its_quorum_and_outcome()
    {
        var proposal = InVoting(rule: DecisionRule.Create(0.3, 0.5));
        var counts = new TallyCounts(10, 2, 1, 0);

        var closed = Assert.IsType<VotingClosed>(proposal.DecideClose(counts, CloseReason.Deadline, Deadline));
        proposal.Apply(closed);

        Assert.Equal(new VotingClosed(Deadline, CloseReason.Deadline, counts, true, Outcome.Accepted), closed);
        Assert.Equal(ProposalStatus.Closed, proposal.Status);
        Assert.Equal(closed, proposal.Closing);
    }

    [Fact]
    public void A_requested_close_names_the_admin_and_a_close_at_the_deadline_names_nobody()
    {
        var requested = Assert.IsType<VotingClosed>(InVoting().DecideClose(TallyCounts.Empty, CloseReason.Requested, Now, by: "ben"));
        var atDeadline = Assert.IsType<VotingClosed>(InVoting().DecideClose(TallyCounts.Empty, CloseReason.Deadline, Deadline));

        Assert.Equal("ben", requested.By);
        Assert.Null(atDeadline.By);
    }

    [Fact]
    public void Who_created_and_opened_a_proposal_survives_a_snapshot()
    {
        var proposal = InVoting();

        var restored = Proposal.FromSnapshot(proposal.ToSnapshot());

        Assert.Equal(Author, restored.CreatedBy);
        Assert.Equal(proposal.Opened, restored.Opened);
        Assert.Equal(Author, restored.Opened!.By);
    }

    [Fact]
    public void Closing_below_the_quorum_is_rejected()
    {
        var proposal = InVoting(rule: DecisionRule.Create(0.3, 0.5));

        var closed = Assert.IsType<VotingClosed>(proposal.DecideClose(new TallyCounts(10, 2, 0, 0), CloseReason.Requested, Now));

        Assert.False(closed.QuorumReached);
        Assert.Equal(Outcome.Rejected, closed.Outcome);
    }

    [Fact]
    public void Only_a_proposal_in_voting_can_close()
    {
        AssertConflict("not-voting", () => InDiscussion().DecideClose(TallyCounts.Empty, CloseReason.Requested, Now));
        AssertConflict("not-voting", () => InVoting().Close(TallyCounts.Empty).DecideClose(TallyCounts.Empty, CloseReason.Requested, Now));
    }

    [Fact]
    public void Votes_are_refused_after_the_close()
    {
        var proposal = InVoting().Vote("ann", Choice.Yes).Close(new TallyCounts(1, 1, 0, 0));

        AssertConflict("voting-not-open", () => proposal.DecideCastVote("bob", Choice.No, eligible: true, Now));
        AssertConflict("voting-not-open", () => proposal.DecideWithdrawVote("ann", eligible: true, Now));
    }

    [Fact]
    public void Proposal_delegations_may_change_in_discussion_and_voting()
    {
        var proposal = InDiscussion().Delegate("ann", "bob");
        proposal.Apply(proposal.DecideOpen(1, Author, Now));
        proposal.Delegate("bob", null).Delegate("ann", "cyd");

        Assert.Equal(new Dictionary<string, string?> { ["ann"] = "cyd", ["bob"] = null }, proposal.Delegations);
        Assert.Null(proposal.DecideSetDelegation("bob", null, Now));
        Assert.Null(proposal.DecideSetDelegation("ann", "cyd", Now));
        Assert.Null(proposal.DecideClearDelegation("dan", Now));

        proposal.Apply(proposal.DecideClearDelegation("ann", Now)!);
        Assert.Equal(new Dictionary<string, string?> { ["bob"] = null }, proposal.Delegations);
    }

    [Fact]
    public void Delegation_changes_are_refused_after_the_close()
    {
        var proposal = InVoting().Delegate("ann", "bob").Close(TallyCounts.Empty);

        AssertConflict("proposal-closed", () => proposal.DecideSetDelegation("ann", "cyd", Now));
        AssertConflict("proposal-closed", () => proposal.DecideSetDelegation("bob", null, Now));
        AssertConflict("proposal-closed", () => proposal.DecideClearDelegation("ann", Now));
    }

    [Fact]
    public void Delegation_changes_are_refused_from_the_deadline_on()
    {
        var proposal = InVoting().Delegate("ann", "bob");

        AssertConflict("proposal-closed", () => proposal.DecideSetDelegation("ann", "cyd", Deadline));
        AssertConflict("proposal-closed", () => proposal.DecideClearDelegation("ann", Deadline));
    }

    [Fact]
    public void A_proposal_without_a_deadline_stays_open_until_closed()
    {
        var proposal = new Proposal();
        proposal.Apply(proposal.DecideCreate("bakery", "Oven", null, null, null, DecisionRule.Default, Author, Now));
        proposal.Apply(proposal.DecideOpen(1, Author, Now));

        Assert.False(proposal.DeadlinePassed(DateTimeOffset.MaxValue));
        Assert.NotNull(proposal.DecideCastVote("ann", Choice.Yes, eligible: true, Now.AddYears(10)));
    }

    private static void AssertConflict(string code, Action command)
    {
        var violation = Assert.Throws<RuleViolationException>(command);
        Assert.Equal(RuleViolationKind.Conflict, violation.Kind);
        Assert.Equal(code, violation.Code);
    }

    private static void AssertInvalid(string code, string field, Action command)
    {
        var violation = Assert.Throws<RuleViolationException>(command);
        Assert.Equal(RuleViolationKind.Invalid, violation.Kind);
        Assert.Equal(code, violation.Code);
        Assert.Equal(field, violation.Field);
    }
}
