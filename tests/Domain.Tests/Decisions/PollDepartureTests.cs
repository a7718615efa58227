using Governance.Domain.Priorities.Polls;
using Governance.Domain.Proposals;
using Governance.Domain.Rules;
using static Governance.Domain.Tests.Priorities.Polls.PollScenario;

namespace Governance.Domain.Tests.Priorities.Polls;

/// <summary>A member who leaves the cooperative while a poll is open ends their part in it.</summary>
public sealed class PollDepartureTests
{
    private static readonly string[] Members = ["ann", "ben", "cat", "dan"];

    [Fact]
    public void Leaving_while_voting_withdraws_the_ballot_ends_poll_delegations_and_drops_the_weight_it_carried()
    {
        var roster = Roster(Members);
        var layers = new ClosingLayers(Layer(Members, ("dan", "ben")), null);
        var poll = InVoting().Rank("ben", "b|a|c").Rank("ann", "a|c|b").Delegate("cat", "ben");
        Assert.Equal(3, poll.BallotWeights(roster, layers)["ben"]);

        var left = poll.DecideMemberLeft("ben", Now);
        poll.Apply(left!);

        Assert.Equal(new PollMemberLeft(Now, "ben"), left);
        Assert.Equal(["ann"], poll.Ballots.Keys);
        Assert.Empty(poll.Delegations);
        Assert.Equal(["ben"], poll.Left);
        Assert.Equal(new Dictionary<string, int> { ["ann"] = 1 }, poll.BallotWeights(roster, new ClosingLayers(Layer(Members), null)));
        AssertViolation(RuleViolationKind.Conflict, "member-left", () => poll.DecideCastBallot("ben", Ranking("a|b|c"), eligible: true, Now));
        AssertInvalid("delegate-left", "delegateId", () => poll.DecideSetDelegation("cat", "ben", Now));
    }

    [Fact]
    public void The_roster_reveals_departures_that_no_notice_brought_and_a_closed_poll_is_untouched()
    {
        var roster = Roster(Members);
        bool[] current = [true, false, true, true];
        var poll = InVoting().Rank("ben", "b|a|c").Delegate("cat", "ben");

        var events = poll.DecideMembersLeft(roster, current, Now);

        Assert.Equal([new PollMemberLeft(Now, "ben")], events);
        var closed = InVoting().Rank("ben", "b|a|c").Close(roster, new ClosingLayers(Layer(Members), null));
        Assert.Empty(closed.DecideMembersLeft(roster, current, Now));
        Assert.Null(closed.DecideMemberLeft("ben", Now));
    }

    [Fact]
    public void Who_left_survives_a_snapshot()
    {
        var poll = InVoting();
        poll.Apply(poll.DecideMemberLeft("ben", Now)!);

        var restored = Poll.FromSnapshot(poll.ToSnapshot(), GovernanceLimits.Default);

        Assert.Equal(["ben"], restored.Left);
        Assert.Empty(Poll.FromSnapshot(poll.ToSnapshot() with { Left = null }, GovernanceLimits.Default).Left);
    }
}
