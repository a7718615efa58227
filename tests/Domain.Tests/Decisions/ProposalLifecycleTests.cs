using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;
using static Governance.Domain.Tests.Decisions.ProposalScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>The lifecycle of a decision of the proposal kind: majority ballots, a rule, a tally frozen at close.</summary>
public sealed class ProposalLifecycleTests
{
    private static readonly BallotMarks Yes = BallotMarks.Of(Choice.Yes);
    private static readonly BallotMarks No = BallotMarks.Of(Choice.No);

    [Fact]
    public void A_new_proposal_is_in_discussion_with_its_rule_and_deadline()
    {
        var proposal = new Decision(DecisionKind.Proposal);

        var created = proposal.DecideCreate("bakery", Definition("  New oven ", "Ours broke.", "bread", DecisionRule.Create(0.3, 0.6), Deadline), Author, Now);
        proposal.Apply(created!);

        Assert.Equal(new DecisionCreated(Now, "bakery", "New oven", "Ours broke.", "bread", CountingMethod.Majority, Deadline, Author, Quorum: 0.3, Threshold: 0.6), created);
        Assert.True(proposal.Exists);
        Assert.Equal(DecisionStatus.Discussion, proposal.Status);
        Assert.Equal(new DecisionRule(0.3, 0.6), proposal.Rule);
        Assert.Equal(Deadline, proposal.ClosesAt);
        Assert.Null(proposal.RosterVersion);
        Assert.Equal(1, proposal.Version);
    }

    [Fact]
    public void Creating_twice_is_a_conflict()
    {
        var violation = Assert.Throws<RuleViolationException>(
            () => InDiscussion().DecideCreate("bakery", Definition("Again"), Author, Now));

        Assert.Equal(RuleViolationKind.Conflict, violation.Kind);
        Assert.Equal("proposal-exists", violation.Code);
    }

    [Fact]
    public void Commands_to_a_proposal_that_does_not_exist_are_not_found()
    {
        var violation = Assert.Throws<RuleViolationException>(() => new Decision(DecisionKind.Proposal).DecideOpen(1, Author, Now));

        Assert.Equal(RuleViolationKind.NotFound, violation.Kind);
        Assert.Equal("proposal-not-found", violation.Code);
    }

    [Fact]
    public void Votes_are_refused_during_discussion()
    {
        var proposal = InDiscussion();

        AssertConflict("voting-not-open", () => proposal.DecideCastBallot("ann", Yes, eligible: true, Now));
        AssertConflict("voting-not-open", () => proposal.DecideWithdrawBallot("ann", eligible: true, Now));
    }

    [Fact]
    public void A_ballot_is_recorded_a_repeat_changes_nothing_and_a_new_choice_replaces_it()
    {
        var proposal = InVoting().Vote("ann", Choice.Yes);

        Assert.Equal(new DecisionBallot("ann", Yes, Now), proposal.Ballots["ann"]);
        Assert.Null(proposal.DecideCastBallot("ann", Yes, eligible: true, Now));
        Assert.Equal(new BallotCast(Now, "ann", No), proposal.DecideCastBallot("ann", No, eligible: true, Now));
    }

    [Fact]
    public void Withdrawing_removes_the_ballot_and_withdrawing_nothing_changes_nothing()
    {
        var proposal = InVoting().Vote("ann", Choice.Yes);

        Assert.Null(proposal.DecideWithdrawBallot("bob", eligible: true, Now));
        proposal.Withdraw("ann");

        Assert.Empty(proposal.Ballots);
        Assert.Null(proposal.DecideWithdrawBallot("ann", eligible: true, Now));
    }

    [Fact]
    public void An_ineligible_member_may_neither_vote_nor_withdraw()
    {
        var proposal = InVoting();

        AssertConflict("not-eligible", () => proposal.DecideCastBallot("eve", Yes, eligible: false, Now));
        AssertConflict("not-eligible", () => proposal.DecideWithdrawBallot("eve", eligible: false, Now));
    }

    [Fact]
    public void Votes_are_refused_from_the_deadline_on_even_before_the_close_is_recorded()
    {
        var proposal = InVoting().Vote("ann", Choice.Yes);

        Assert.NotNull(proposal.DecideCastBallot("bob", No, eligible: true, Deadline.AddTicks(-1)));
        Assert.Equal(DecisionStatus.Voting, proposal.Status);
        AssertConflict("voting-not-open", () => proposal.DecideCastBallot("bob", No, eligible: true, Deadline));
        AssertConflict("voting-not-open", () => proposal.DecideWithdrawBallot("ann", eligible: true, Deadline.AddMinutes(1)));
    }

    [Fact]
    public void Closing_freezes_the_tally_with_its_quorum_and_outcome()
    {
        var proposal = InVoting(rule: DecisionRule.Create(0.3, 0.5));
        var counts = new TallyCounts(10, 2, 1, 0);

        var closed = proposal.DecideCloseTo(counts, CloseReason.Deadline, Deadline);
        proposal.Apply(closed);

        Assert.Equal(
            (Deadline, CloseReason.Deadline, counts, (bool?)true, (Outcome?)Outcome.Accepted, (string?)null),
            (closed.At, closed.Reason, closed.Counts, closed.QuorumReached, closed.Outcome, closed.By));
        Assert.Equal(DecisionStatus.Closed, proposal.Status);
        Assert.Equal(closed, proposal.Closing);
    }

    [Fact]
    public void A_requested_close_names_the_admin_and_a_close_at_the_deadline_names_nobody()
    {
        var requested = InVoting().DecideCloseTo(TallyCounts.Empty, CloseReason.Requested, Now, by: "ben");
        var atDeadline = InVoting().DecideCloseTo(TallyCounts.Empty, CloseReason.Deadline, Deadline);

        Assert.Equal("ben", requested.By);
        Assert.Null(atDeadline.By);
    }

    [Fact]
    public void Who_created_and_opened_a_proposal_survives_a_snapshot()
    {
        var proposal = InVoting();

        var restored = Decision.FromSnapshot(proposal.ToSnapshot(), DecisionKind.Proposal, GovernanceLimits.Default);

        Assert.Equal(Author, restored.Created!.CreatedBy);
        Assert.Equal(proposal.Opened, restored.Opened);
        Assert.Equal(Author, restored.Opened!.By);
    }

    [Fact]
    public void A_closed_proposal_restores_from_a_snapshot_with_its_ballots_delegations_and_frozen_result()
    {
        var proposal = InVoting(rule: DecisionRule.Create(0.3, 0.5)).Vote("ann", Choice.Yes).Vote("bob", Choice.No).Delegate("cyd", "ann");
        string[] members = ["ann", "bob", "cyd", "dan"];
        proposal.Apply(proposal.DecideClose(Roster(members), NoDelegations(members), CloseReason.Requested, Now, Author));

        var restored = Decision.FromSnapshot(proposal.ToSnapshot(), DecisionKind.Proposal, GovernanceLimits.Default);

        Assert.Equal((proposal.Version, proposal.Status, proposal.Created, proposal.Opened, proposal.Closing), (restored.Version, restored.Status, restored.Created, restored.Opened, restored.Closing));
        Assert.Equal(proposal.Ballots.Values, restored.Ballots.Values);
        Assert.Equal(proposal.Delegations, restored.Delegations);
        Assert.Equal(new MajorityResult(new TallyCounts(4, 2, 1, 0), true, Outcome.Accepted), restored.Result(null, null));
    }

    [Fact]
    public void Closing_below_the_quorum_is_rejected()
    {
        var proposal = InVoting(rule: DecisionRule.Create(0.3, 0.5));

        var closed = proposal.DecideCloseTo(new TallyCounts(10, 2, 0, 0), CloseReason.Requested, Now);

        Assert.False(closed.QuorumReached);
        Assert.Equal(Outcome.Rejected, closed.Outcome);
    }

    [Fact]
    public void Votes_are_refused_after_the_close()
    {
        var proposal = InVoting().Vote("ann", Choice.Yes).Close(new TallyCounts(1, 1, 0, 0));

        AssertConflict("voting-not-open", () => proposal.DecideCastBallot("bob", No, eligible: true, Now));
        AssertConflict("voting-not-open", () => proposal.DecideWithdrawBallot("ann", eligible: true, Now));
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
        var proposal = new Decision(DecisionKind.Proposal);
        proposal.Apply(proposal.DecideCreate("bakery", Definition("Oven"), Author, Now)!);
        proposal.Apply(proposal.DecideOpen(1, Author, Now));

        Assert.False(proposal.DeadlinePassed(DateTimeOffset.MaxValue));
        Assert.NotNull(proposal.DecideCastBallot("ann", Yes, eligible: true, Now.AddYears(10)));
    }
}
