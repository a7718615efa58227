using Governance.Domain.Proposals;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Proposals.ProposalScenario;

namespace Governance.Domain.Tests.Proposals;

/// <summary>A member who leaves the cooperative while a proposal is open ends their part in it.</summary>
public sealed class DepartureTests
{
    [Fact]
    public void Leaving_while_voting_withdraws_the_ballot_and_ends_proposal_delegations_from_and_to_the_member()
    {
        var proposal = InVoting().Vote("ben", Choice.Yes).Delegate("cat", "ben").Delegate("ben", "dan").Delegate("eve", null);

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
        var proposal = InVoting();
        proposal.Apply(proposal.DecideMemberLeft("ben", Now)!);

        Assert.Equal("member-left", Refused(() => proposal.DecideCastVote("ben", Choice.Yes, eligible: true, Now)).Code);
        Assert.Equal("member-left", Refused(() => proposal.DecideWithdrawVote("ben", eligible: true, Now)).Code);
        Assert.Equal("member-left", Refused(() => proposal.DecideSetDelegation("ben", "cat", Now)).Code);
        var toThem = Refused(() => proposal.DecideSetDelegation("cat", "ben", Now));
        Assert.Equal(("delegate-left", RuleViolationKind.Invalid, "delegateId"), (toThem.Code, toThem.Kind, toThem.Field));
        Assert.Null(proposal.DecideMemberLeft("ben", Now));
    }

    [Fact]
    public void Leaving_in_discussion_ends_delegations_but_bars_nobody_since_the_eligible_set_is_not_fixed_yet()
    {
        var proposal = InDiscussion().Delegate("cat", "ben");

        proposal.Apply(proposal.DecideMemberLeft("ben", Now)!);

        Assert.Empty(proposal.Delegations);
        Assert.Empty(proposal.Left);
        Assert.Null(proposal.DecideMemberLeft("ben", Now));
        proposal.Apply(proposal.DecideOpen(7, Author, Now));
        Assert.NotNull(proposal.DecideCastVote("ben", Choice.Yes, eligible: true, Now));
    }

    [Fact]
    public void A_closed_proposal_is_untouched()
    {
        var proposal = InVoting().Vote("ben", Choice.Yes).Close(new TallyCounts(2, 1, 0, 0));

        Assert.Null(proposal.DecideMemberLeft("ben", Now));
        Assert.Single(proposal.Ballots);
    }

    [Fact]
    public void The_roster_reveals_departures_of_voters_delegators_and_delegates_that_no_notice_brought()
    {
        // Index 3 is cat's first membership, ended; cat rejoined at index 4, after voting opened.
        var roster = new EligibleRoster(["ann", "ben", "dan", "cat", "cat"], [true, true, true, true, false]);
        bool[] current = [true, false, true, false, true];
        var proposal = InVoting().Vote("ben", Choice.No).Vote("ann", Choice.Yes).Delegate("dan", "cat");

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
    public void Who_left_survives_a_snapshot()
    {
        var proposal = InVoting();
        proposal.Apply(proposal.DecideMemberLeft("ben", Now)!);

        var restored = Proposal.FromSnapshot(proposal.ToSnapshot());

        Assert.Equal(["ben"], restored.Left);
        Assert.Equal("member-left", Refused(() => restored.DecideCastVote("ben", Choice.Yes, eligible: true, Now)).Code);
    }

    [Fact]
    public void A_snapshot_written_before_departures_were_kept_restores_with_nobody_left()
    {
        var proposal = InVoting();
        var snapshot = proposal.ToSnapshot() with { Left = null };

        Assert.Empty(Proposal.FromSnapshot(snapshot).Left);
    }

    private static RuleViolationException Refused(Func<object?> command) => Assert.Throws<RuleViolationException>(command);
}
