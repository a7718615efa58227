using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public sealed class LiveNetworkTests
{
    private const int Lost = LiveTally.Lost;

    [Fact]
    public void A_proposal_entry_hides_the_cooperative_entry_which_applies_as_it_then_stands_once_cleared()
    {
        var live = new LiveNetwork(new NetworkBuilder(4).Default(0, 1).Vote(Choice.Yes, 1).Vote(Choice.No, 2).Vote(Choice.Abstain, 3).Build());

        live.SetProposalEntry(0, 2);
        live.SetCooperativeEntry(0, 3);
        Assert.Equal((2, 3, 2), (live.Tally.CarrierOf(0), live.CooperativeDelegateOf(0), live.ProposalEntryOf(0)));

        live.SetProposalEntry(0, DelegationEntry.None);
        Assert.Equal((3, DelegationEntry.None), (live.Tally.CarrierOf(0), live.ProposalEntryOf(0)));
        Assert.Equal(new TallyCounts(4, 1, 1, 2), live.Tally.Counts);
    }

    [Fact]
    public void A_proposal_block_stops_the_cooperative_entry_and_a_cooperative_block_is_no_delegate()
    {
        var live = new LiveNetwork(new NetworkBuilder(3).Default(0, 1).Default(2, 1).Vote(Choice.Yes, 1).Build());

        live.SetProposalEntry(0, DelegationEntry.Blocked);
        live.SetCooperativeEntry(2, DelegationEntry.Blocked);

        Assert.Equal((1, LiveTally.NoDelegate, LiveTally.NoDelegate), (live.CooperativeDelegateOf(0), live.Tally.DelegateOf(0), live.Tally.DelegateOf(2)));
        Assert.Equal(new TallyCounts(3, 1, 0, 0), live.Tally.Counts);
    }

    [Fact]
    public void The_entries_the_network_was_built_with_are_kept_scope_by_scope()
    {
        var live = new LiveNetwork(new NetworkBuilder(3).Default(0, 1).Topic(0, 2).Proposal(0, DelegationEntry.Blocked).Vote(Choice.No, 1, 2).Build());

        Assert.Equal((2, DelegationEntry.Blocked, Lost), (live.CooperativeDelegateOf(0), live.ProposalEntryOf(0), live.Tally.CarrierOf(0)));

        live.SetProposalEntry(0, DelegationEntry.None);
        Assert.Equal(2, live.Tally.CarrierOf(0));
    }

    [Fact]
    public void A_member_who_leaves_loses_their_ballot_and_every_proposal_entry_from_or_to_them_but_stays_eligible()
    {
        var live = new LiveNetwork(new NetworkBuilder(5)
            .Default(0, 2).Proposal(0, 1)
            .Proposal(3, 1)
            .Proposal(1, 4)
            .Vote(Choice.Yes, 1).Vote(Choice.No, 2)
            .Build());
        Assert.Equal(new TallyCounts(5, 3, 1, 0), live.Tally.Counts);

        live.RemoveMember(1);

        Assert.Equal(new TallyCounts(5, 0, 2, 0), live.Tally.Counts);
        Assert.Equal([2, Lost, 2, Lost, Lost], [.. Enumerable.Range(0, 5).Select(live.Tally.CarrierOf)]);
        Assert.Equal([DelegationEntry.None, DelegationEntry.None, DelegationEntry.None], [live.ProposalEntryOf(0), live.ProposalEntryOf(1), live.ProposalEntryOf(3)]);
    }

    [Fact]
    public void Cooperative_entries_for_members_who_joined_after_the_roster_was_fixed_change_nothing()
    {
        var live = new LiveNetwork(new NetworkBuilder(2).Vote(Choice.Yes, 0).Build());

        live.SetCooperativeEntry(2, 0);

        Assert.Equal(new TallyCounts(2, 1, 0, 0), live.Tally.Counts);
    }
}
