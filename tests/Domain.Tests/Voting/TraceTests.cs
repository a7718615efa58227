using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public sealed class TraceTests
{
    [Fact]
    public void A_direct_voter_carries_their_own_weight_with_no_hops()
    {
        var network = new NetworkBuilder(2).Default(0, 1).Vote(Choice.No, 0).Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Empty(trace.Hops);
        Assert.Equal(0, trace.Carrier);
        Assert.Equal(Choice.No, trace.Choice);
        Assert.Null(trace.Loss);
        Assert.Equal(0, trace.EndedAt);
        Assert.True(trace.Counted);
    }

    [Fact]
    public void Hops_record_the_scope_each_delegation_was_taken_at()
    {
        var network = new NetworkBuilder(4)
            .Default(0, 1)
            .Default(1, 3).Topic(1, 2)
            .Topic(2, 0).Proposal(2, 3)
            .Vote(Choice.Yes, 3)
            .Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Equal(
            [
                new TraceHop(0, 1, DelegationScope.Default),
                new TraceHop(1, 2, DelegationScope.Topic),
                new TraceHop(2, 3, DelegationScope.Proposal),
            ],
            trace.Hops);
        Assert.Equal(3, trace.Carrier);
        Assert.Equal(Choice.Yes, trace.Choice);
        Assert.Null(trace.Loss);
        Assert.Equal(3, trace.EndedAt);
        Assert.True(trace.Counted);
    }

    [Fact]
    public void A_chain_ending_at_a_non_voter_is_lost_there_for_no_direct_voter()
    {
        var network = new NetworkBuilder(3).Chain(0, 1, 2).Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Equal([new TraceHop(0, 1, DelegationScope.Default), new TraceHop(1, 2, DelegationScope.Default)], trace.Hops);
        Assert.Null(trace.Carrier);
        Assert.Null(trace.Choice);
        Assert.Equal(LossReason.NoDirectVoter, trace.Loss);
        Assert.Equal(2, trace.EndedAt);
        Assert.False(trace.Counted);
    }

    [Fact]
    public void A_block_ends_the_chain_at_the_blocking_member()
    {
        var network = new NetworkBuilder(2).Default(0, 1).Proposal(0, DelegationEntry.Blocked).Vote(Choice.Yes, 1).Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Empty(trace.Hops);
        Assert.Equal(LossReason.NoDirectVoter, trace.Loss);
        Assert.Equal(0, trace.EndedAt);
    }

    [Fact]
    public void A_cycle_is_lost_where_the_chain_first_repeats_a_member()
    {
        var network = new NetworkBuilder(4).Chain(0, 1, 2, 3, 1).Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Equal(4, trace.Hops.Count);
        Assert.Equal(new TraceHop(3, 1, DelegationScope.Default), trace.Hops[^1]);
        Assert.Equal(LossReason.Cycle, trace.Loss);
        Assert.Equal(1, trace.EndedAt);
        Assert.Null(trace.Carrier);
    }

    [Fact]
    public void A_self_delegation_is_a_cycle_of_one()
    {
        var network = new NetworkBuilder(1).Default(0, 0).Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Equal([new TraceHop(0, 0, DelegationScope.Default)], trace.Hops);
        Assert.Equal(LossReason.Cycle, trace.Loss);
        Assert.Equal(0, trace.EndedAt);
    }

    [Fact]
    public void A_chain_through_an_ineligible_member_is_lost_at_that_member()
    {
        var network = new NetworkBuilder(3).Chain(0, 1, 2).Ineligible(1).Vote(Choice.Yes, 2).Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Equal([new TraceHop(0, 1, DelegationScope.Default)], trace.Hops);
        Assert.Equal(LossReason.IneligibleOnChain, trace.Loss);
        Assert.Equal(1, trace.EndedAt);
    }

    [Fact]
    public void A_delegate_outside_the_network_counts_as_ineligible()
    {
        var network = new NetworkBuilder(1).Proposal(0, int.MaxValue).Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Equal([new TraceHop(0, int.MaxValue, DelegationScope.Proposal)], trace.Hops);
        Assert.Equal(LossReason.IneligibleOnChain, trace.Loss);
    }

    [Fact]
    public void A_1000_deep_trace_lists_every_hop_in_order()
    {
        const int depth = 1000;
        var network = new NetworkBuilder(depth).Chain([.. Enumerable.Range(0, depth)]).Vote(Choice.Abstain, depth - 1).Build();

        var trace = LiquidResolver.Trace(network, 0);

        Assert.Equal(depth - 1, trace.Hops.Count);
        Assert.Equal(Enumerable.Range(0, depth - 1), trace.Hops.Select(hop => hop.From));
        Assert.Equal(Enumerable.Range(1, depth - 1), trace.Hops.Select(hop => hop.To));
        Assert.Equal(depth - 1, trace.Carrier);
        Assert.Equal(Choice.Abstain, trace.Choice);
    }
}
