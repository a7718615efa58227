using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public sealed class LiveTallyTests
{
    private const int Lost = LiveTally.Lost;

    /// <summary>Whichever loop member the tally chose as its cycle root, a ballot there opens the loop.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_vote_on_a_loop_carries_the_loop_and_everyone_hanging_off_it(int voter)
    {
        var tally = new LiveTally(new NetworkBuilder(5).Chain(0, 1, 2, 0).Chain(4, 3, 0).Build());
        Assert.Equal(new TallyCounts(5, 0, 0, 0), tally.Counts);

        tally.SetDirectChoice(voter, Choice.Yes);

        Assert.Equal(new TallyCounts(5, 5, 0, 0), tally.Counts);
        Assert.Equal(5, tally.CarriedWeight(voter));
        Assert.Equal([voter, voter, voter, voter, voter], Carriers(tally));

        tally.SetDirectChoice(voter, null);

        Assert.Equal(new TallyCounts(5, 0, 0, 0), tally.Counts);
        Assert.Equal([Lost, Lost, Lost, Lost, Lost], Carriers(tally));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_delegation_out_of_a_loop_from_any_of_its_members_opens_it(int member)
    {
        var tally = new LiveTally(LoopWithATreeHangingOffIt().Build());
        Assert.Equal(new TallyCounts(9, 1, 0, 0), tally.Counts);

        tally.SetDelegate(member, 8);

        Assert.Equal(new TallyCounts(9, 9, 0, 0), tally.Counts);
        Assert.Equal(9, tally.CarriedWeight(8));
        Assert.Equal([8, 8, 8, 8, 8, 8, 8, 8, 8], Carriers(tally));
    }

    [Fact]
    public void Members_deep_in_a_tree_hanging_off_a_loop_leave_it_close_a_loop_of_their_own_and_open_both()
    {
        var tally = new LiveTally(LoopWithATreeHangingOffIt().Build());

        tally.SetDelegate(7, 8);
        Assert.Equal(new TallyCounts(9, 2, 0, 0), tally.Counts);

        tally.SetDelegate(4, 6);
        Assert.Equal([Lost, Lost, Lost, Lost, Lost, Lost, Lost, 8, 8], Carriers(tally));

        tally.SetDelegate(3, 8);
        Assert.Equal(new TallyCounts(9, 6, 0, 0), tally.Counts);
        Assert.Equal([8, 8, 8, 8, Lost, Lost, Lost, 8, 8], Carriers(tally));

        tally.SetDelegate(5, 8);
        Assert.Equal(new TallyCounts(9, 9, 0, 0), tally.Counts);
        Assert.Equal([8, 8, 8, 8, 8, 8, 8, 8, 8], Carriers(tally));
    }

    [Fact]
    public void A_chain_ten_thousand_long_is_carried_closed_into_a_loop_and_opened_in_its_middle()
    {
        const int Length = 10_000;
        var tally = new LiveTally(new NetworkBuilder(Length).Chain([.. Enumerable.Range(0, Length)]).Vote(Choice.No, Length - 1).Build());
        Assert.Equal(new TallyCounts(Length, 0, Length, 0), tally.Counts);
        Assert.Equal(Length - 1, tally.CarrierOf(0));

        tally.SetDirectChoice(Length - 1, null);
        tally.SetDelegate(Length - 1, 0);
        Assert.Equal(new TallyCounts(Length, 0, 0, 0), tally.Counts);
        Assert.Equal(Lost, tally.CarrierOf(Length / 2));

        tally.SetDirectChoice(Length / 2, Choice.Yes);
        Assert.Equal(new TallyCounts(Length, Length, 0, 0), tally.Counts);
        Assert.Equal((Length / 2, Length / 2, Length / 2), (tally.CarrierOf(0), tally.CarrierOf((Length / 2) - 1), tally.CarrierOf(Length - 1)));
        Assert.Equal(Length, tally.CarriedWeight(Length / 2));
    }

    [Fact]
    public void A_member_delegating_to_itself_loses_its_weight_and_its_delegators_until_it_votes()
    {
        var tally = new LiveTally(new NetworkBuilder(3).Default(0, 0).Chain(2, 1, 0).Build());
        Assert.Equal([Lost, Lost, Lost], Carriers(tally));

        tally.SetDirectChoice(0, Choice.Abstain);

        Assert.Equal(new TallyCounts(3, 0, 0, 3), tally.Counts);
        Assert.Equal([0, 0, 0], Carriers(tally));
    }

    [Fact]
    public void An_ineligible_member_on_a_chain_loses_the_weight_behind_it_and_its_own_ballot_counts_nothing()
    {
        var tally = new LiveTally(new NetworkBuilder(3).Chain(0, 1, 2).Vote(Choice.Yes, 2).Ineligible(1).Build());
        Assert.Equal(new TallyCounts(2, 1, 0, 0), tally.Counts);

        tally.SetDirectChoice(1, Choice.No);
        Assert.Equal((new TallyCounts(2, 1, 0, 0), 0, Lost), (tally.Counts, tally.CarriedWeight(1), tally.CarrierOf(0)));

        tally.SetDelegate(0, 2);
        Assert.Equal([2, Lost, 2], Carriers(tally));
    }

    [Fact]
    public void A_delegate_outside_the_roster_or_none_loses_the_weight()
    {
        var tally = new LiveTally(new NetworkBuilder(3).Chain(0, 1).Default(2, 1).Vote(Choice.Yes, 1).Build());

        tally.SetDelegate(0, int.MaxValue);
        tally.SetDelegate(2, LiveTally.NoDelegate);

        Assert.Equal((new TallyCounts(3, 1, 0, 0), int.MaxValue), (tally.Counts, tally.DelegateOf(0)));
        Assert.Equal([Lost, 1, Lost], Carriers(tally));
    }

    [Fact]
    public void Every_change_of_a_ballots_weight_is_told_once_with_the_weight_before_and_after()
    {
        var tally = new LiveTally(new NetworkBuilder(4).Chain(0, 1).Default(2, 1).Vote(Choice.Yes, 1).Build());
        var changes = new List<CarriedWeightChange>();
        tally.CarriedWeightChanged += changes.Add;

        tally.SetDelegate(0, LiveTally.NoDelegate);
        tally.SetDirectChoice(1, Choice.No);
        tally.SetDirectChoice(0, Choice.Yes);
        tally.SetDelegate(3, 0);
        tally.SetDirectChoice(1, null);

        Assert.Equal([new(1, 3, 2), new(0, 0, 1), new(0, 1, 2), new(1, 2, 0)], changes);
    }

    /// <summary>Loop 0 → 1 → 2 → 3 → 0, the chain 7 → 6 → 5 → 4 hanging off it at 0, and member 8 voting yes alone.</summary>
    private static NetworkBuilder LoopWithATreeHangingOffIt() =>
        new NetworkBuilder(9).Chain(0, 1, 2, 3, 0).Chain(7, 6, 5, 4, 0).Vote(Choice.Yes, 8);

    private static int[] Carriers(LiveTally tally) => [.. Enumerable.Range(0, tally.MemberCount).Select(tally.CarrierOf)];
}
