using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>A member who leaves the cooperative while a proposal or a poll is open ends their part in it.</summary>
public sealed class DepartureTests
{
    private static readonly string[] PollMembers = ["ann", "ben", "cat", "dan"];

    private static readonly BallotMarks Yes = BallotMarks.Of(Choice.Yes);

    [Fact]
    public void Leaving_while_voting_withdraws_the_ballot_and_ends_proposal_delegations_from_and_to_the_member()
    {
        var proposal = ProposalScenario.InVoting().Vote("ben", Choice.Yes).Delegate("cat", "ben").Delegate("ben", "dan").Delegate("eve", null);

        var left = proposal.DecideMemberLeft("ben", Now);
        proposal.Apply(left!);

        Assert.Equal(new MemberLeft(Now, "ben"), left);
        Assert.Empty(proposal.Ballots);
        Assert.Equal(new Dictionary<string, string?> { ["eve"] = null }, proposal.Delegations);
        Assert.Equal(["ben"], proposal.Left);
    }

    [Fact]
    public void A_member_who_left_while_voting_can_neither_vote_nor_delegate_nor_be_delegated_to()
    {
        var proposal = ProposalScenario.InVoting();
        proposal.Apply(proposal.DecideMemberLeft("ben", Now)!);

        Assert.Equal("member-left", Refused(() => proposal.DecideCastBallot("ben", Yes, eligible: true, Now)).Code);
        Assert.Equal("member-left", Refused(() => proposal.DecideWithdrawBallot("ben", eligible: true, Now)).Code);
        Assert.Equal("member-left", Refused(() => proposal.DecideSetDelegation("ben", "cat", Now)).Code);
        var toThem = Refused(() => proposal.DecideSetDelegation("cat", "ben", Now));
        Assert.Equal(("delegate-left", RuleViolationKind.Invalid, "delegateId"), (toThem.Code, toThem.Kind, toThem.Field));
        Assert.Null(proposal.DecideMemberLeft("ben", Now));
    }

    [Fact]
    public void Leaving_in_discussion_ends_delegations_but_bars_nobody_since_the_eligible_set_is_not_fixed_yet()
    {
        var proposal = ProposalScenario.InDiscussion().Delegate("cat", "ben");

        proposal.Apply(proposal.DecideMemberLeft("ben", Now)!);

        Assert.Empty(proposal.Delegations);
        Assert.Empty(proposal.Left);
        Assert.Null(proposal.DecideMemberLeft("ben", Now));
        proposal.Apply(proposal.DecideOpen(7, Author, Now));
        Assert.NotNull(proposal.DecideCastBallot("ben", Yes, eligible: true, Now));
    }

    [Fact]
    public void A_closed_proposal_is_untouched()
    {
        var proposal = ProposalScenario.InVoting().Vote("ben", Choice.Yes).Close(new TallyCounts(2, 1, 0, 0));

        Assert.Null(proposal.DecideMemberLeft("ben", Now));
        Assert.Single(proposal.Ballots);
    }

    [Fact]
    public void The_roster_reveals_departures_of_voters_delegators_and_delegates_that_no_notice_brought()
    {
        // Index 3 is cat's first membership, ended; cat rejoined at index 4, after voting opened.
        var roster = new EligibleRoster(["ann", "ben", "dan", "cat", "cat"], [true, true, true, true, false]);
        bool[] current = [true, false, true, false, true];
        var proposal = ProposalScenario.InVoting().Vote("ben", Choice.No).Vote("ann", Choice.Yes).Delegate("dan", "cat");

        var events = proposal.DecideMembersLeft(roster, current, Now);

        Assert.Equal([new MemberLeft(Now, "ben"), new MemberLeft(Now, "cat")], events);
        foreach (var @event in events)
        {
            proposal.Apply(@event);
        }

        Assert.Equal(["ann"], proposal.Ballots.Keys);
        Assert.Empty(proposal.Delegations);
        Assert.Empty(proposal.DecideMembersLeft(roster, current, Now));
    }

    [Fact]
    public void Leaving_while_voting_withdraws_the_ballot_ends_poll_delegations_and_drops_the_weight_it_carried()
    {
        var roster = Roster(PollMembers);
        var layers = new ClosingLayers(Layer(PollMembers, ("dan", "ben")), null);
        var poll = PollScenario.InVoting().Rank("ben", "b|a|c").Rank("ann", "a|c|b").Delegate("cat", "ben");
        Assert.Equal(3, poll.BallotWeights(roster, layers)["ben"]);

        var left = poll.DecideMemberLeft("ben", Now);
        poll.Apply(left!);

        Assert.Equal(new MemberLeft(Now, "ben"), left);
        Assert.Equal(["ann"], poll.Ballots.Keys);
        Assert.Empty(poll.Delegations);
        Assert.Equal(["ben"], poll.Left);
        Assert.Equal(new Dictionary<string, int> { ["ann"] = 1 }, poll.BallotWeights(roster, NoDelegations(PollMembers)));
        AssertViolation(RuleViolationKind.Conflict, "member-left", () => poll.DecideCastBallot("ben", PollScenario.Ranking("a|b|c"), eligible: true, Now));
        AssertInvalid("delegate-left", "delegateId", () => poll.DecideSetDelegation("cat", "ben", Now));
    }

    [Fact]
    public void The_roster_reveals_departures_that_no_notice_brought_and_a_closed_poll_is_untouched()
    {
        var roster = Roster(PollMembers);
        bool[] current = [true, false, true, true];
        var poll = PollScenario.InVoting().Rank("ben", "b|a|c").Delegate("cat", "ben");

        var events = poll.DecideMembersLeft(roster, current, Now);

        Assert.Equal([new MemberLeft(Now, "ben")], events);
        var closed = PollScenario.InVoting().Rank("ben", "b|a|c").Close(roster, NoDelegations(PollMembers));
        Assert.Empty(closed.DecideMembersLeft(roster, current, Now));
        Assert.Null(closed.DecideMemberLeft("ben", Now));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void Who_left_survives_a_snapshot_and_a_snapshot_written_before_departures_were_kept_restores_with_nobody_left(string noun)
    {
        var kind = Kind(noun);
        var decision = InVoting(kind);
        decision.Apply(decision.DecideMemberLeft("ben", Now)!);

        var restored = Decision.FromSnapshot(decision.ToSnapshot(), kind, GovernanceLimits.Default);

        Assert.Equal(["ben"], restored.Left);
        Assert.Equal("member-left", Refused(() => restored.DecideCastBallot("ben", ValidBallot(kind), eligible: true, Now)).Code);
        Assert.Empty(Decision.FromSnapshot(decision.ToSnapshot() with { Left = null }, kind, GovernanceLimits.Default).Left);
    }

    private static RuleViolationException Refused(Func<object?> command) => Assert.Throws<RuleViolationException>(command);
}
