using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public sealed class LiquidResolverTests
{
    private const int Lost = LiquidResolver.Lost;

    [Fact]
    public void Direct_votes_count_once_each_under_their_own_choice()
    {
        var network = new NetworkBuilder(5)
            .Vote(Choice.Yes, 0, 1)
            .Vote(Choice.No, 2)
            .Vote(Choice.Abstain, 3)
            .Build();

        Assert.Equal([0, 1, 2, 3, Lost], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(5, 2, 1, 1), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Nobody_voting_counts_nothing_but_every_eligible_member()
    {
        var network = new NetworkBuilder(3).Chain(0, 1).Build();

        Assert.Equal([Lost, Lost, Lost], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(3, 0, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void One_hop_gives_the_weight_to_the_delegate_who_voted()
    {
        var network = new NetworkBuilder(3)
            .Default(0, 1)
            .Default(2, 1)
            .Vote(Choice.No, 1)
            .Build();

        Assert.Equal([1, 1, 1], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(3, 0, 3, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void The_first_direct_voter_on_the_chain_carries_the_weight_not_a_later_one()
    {
        var network = new NetworkBuilder(4)
            .Chain(0, 1, 2, 3)
            .Vote(Choice.Yes, 1)
            .Vote(Choice.No, 3)
            .Build();

        Assert.Equal([1, 1, 3, 3], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(4, 2, 2, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_direct_vote_overrides_the_voters_own_delegation()
    {
        var network = new NetworkBuilder(2)
            .Default(0, 1)
            .Vote(Choice.No, 0)
            .Vote(Choice.Yes, 1)
            .Build();

        Assert.Equal([0, 1], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(2, 1, 1, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_chain_1000_deep_reaches_its_voter()
    {
        const int depth = 1000;
        var network = new NetworkBuilder(depth)
            .Chain([.. Enumerable.Range(0, depth)])
            .Vote(Choice.Yes, depth - 1)
            .Build();

        Assert.All(LiquidResolver.ResolveCarriers(network), carrier => Assert.Equal(depth - 1, carrier));
        Assert.Equal(new TallyCounts(depth, depth, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_chain_1000_deep_delegating_from_high_to_low_indices_reaches_its_voter()
    {
        const int depth = 1000;
        var network = new NetworkBuilder(depth)
            .Chain([.. Enumerable.Range(0, depth).Reverse()])
            .Vote(Choice.Abstain, 0)
            .Build();

        Assert.Equal(new TallyCounts(depth, 0, 0, depth), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_chain_1000_deep_that_ends_at_a_non_voter_loses_every_weight()
    {
        const int depth = 1000;
        var network = new NetworkBuilder(depth + 1)
            .Chain([.. Enumerable.Range(0, depth)])
            .Vote(Choice.Yes, depth)
            .Build();

        Assert.Equal(new TallyCounts(depth + 1, 1, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_chain_ending_at_a_member_who_neither_voted_nor_delegated_loses_the_weight()
    {
        var network = new NetworkBuilder(4)
            .Chain(0, 1, 2)
            .Vote(Choice.Yes, 3)
            .Build();

        Assert.Equal([Lost, Lost, Lost, 3], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(4, 1, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_two_cycle_loses_both_weights()
    {
        var network = new NetworkBuilder(3)
            .Chain(0, 1, 0)
            .Vote(Choice.Yes, 2)
            .Build();

        Assert.Equal([Lost, Lost, 2], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(3, 1, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_self_delegation_loses_the_weight()
    {
        var network = new NetworkBuilder(2)
            .Default(0, 0)
            .Vote(Choice.No, 1)
            .Build();

        Assert.Equal([Lost, 1], LiquidResolver.ResolveCarriers(network));
    }

    [Fact]
    public void A_long_cycle_and_a_tail_into_it_lose_every_weight_on_them()
    {
        // 0 -> 1 -> ... -> 99 -> 0 is the cycle; 100 -> 101 -> 50 is a tail entering it half way; 102 votes.
        var cycle = Enumerable.Range(0, 100).Append(0).ToArray();
        var network = new NetworkBuilder(103)
            .Chain(cycle)
            .Chain(100, 101, 50)
            .Vote(Choice.No, 102)
            .Build();

        var carriers = LiquidResolver.ResolveCarriers(network);

        Assert.All(carriers.Take(102), carrier => Assert.Equal(Lost, carrier));
        Assert.Equal(102, carriers[102]);
        Assert.Equal(new TallyCounts(103, 0, 1, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_tail_resolved_before_its_cycle_is_lost_too()
    {
        // The tail's start has the lowest index, so the resolver walks it before any cycle member.
        var network = new NetworkBuilder(4)
            .Chain(0, 3, 1, 2, 1)
            .Build();

        Assert.Equal([Lost, Lost, Lost, Lost], LiquidResolver.ResolveCarriers(network));
    }

    [Fact]
    public void A_direct_voter_inside_a_loop_carries_the_whole_loop()
    {
        var network = new NetworkBuilder(4)
            .Chain(0, 1, 2, 0)
            .Default(3, 2)
            .Vote(Choice.Yes, 1)
            .Build();

        Assert.Equal([1, 1, 1, 1], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(4, 4, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_chain_through_an_ineligible_member_loses_the_weight_even_if_a_voter_lies_beyond()
    {
        var network = new NetworkBuilder(4)
            .Chain(0, 1, 2)
            .Default(3, 2)
            .Ineligible(1)
            .Vote(Choice.Yes, 2)
            .Build();

        Assert.Equal([Lost, Lost, 2, 2], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(3, 2, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void An_ineligible_members_direct_vote_counts_for_nobody()
    {
        var network = new NetworkBuilder(3)
            .Default(0, 1)
            .Ineligible(1)
            .Vote(Choice.Yes, 1)
            .Vote(Choice.No, 2)
            .Build();

        Assert.Equal([Lost, Lost, 2], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(2, 0, 1, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_delegate_index_outside_the_network_breaks_the_chain()
    {
        var network = new NetworkBuilder(2)
            .Default(0, int.MaxValue)
            .Vote(Choice.Yes, 1)
            .Build();

        Assert.Equal([Lost, 1], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(2, 1, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Many_delegators_sharing_a_chain_each_count_once()
    {
        // A star of 50 delegators into the head of a 3-chain ending at a voter.
        var builder = new NetworkBuilder(53).Chain(50, 51, 52).Vote(Choice.No, 52);
        for (var member = 0; member < 50; member++)
        {
            builder.Default(member, 50);
        }

        Assert.Equal(new TallyCounts(53, 0, 53, 0), LiquidResolver.Tally(builder.Build()));
    }

    [Fact]
    public void An_empty_network_tallies_to_zero()
    {
        var network = new NetworkBuilder(0).Build();

        Assert.Empty(LiquidResolver.ResolveCarriers(network));
        Assert.Equal(TallyCounts.Empty, LiquidResolver.Tally(network));
    }
}
