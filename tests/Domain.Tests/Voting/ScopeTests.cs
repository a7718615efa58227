using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

/// <summary>Default &lt; topic &lt; proposal: the most specific entry wins, and an explicit block shuts out broader ones.</summary>
public sealed class ScopeTests
{
    // Member 0 delegates; 1 votes yes, 2 votes no, 3 votes abstain, so the carrier shows which scope applied.
    private static NetworkBuilder Voters() =>
        new NetworkBuilder(4)
            .Vote(Choice.Yes, 1)
            .Vote(Choice.No, 2)
            .Vote(Choice.Abstain, 3);

    [Fact]
    public void The_default_scope_applies_when_no_narrower_entry_exists()
    {
        var network = Voters().Default(0, 1).Build();

        Assert.Equal((1, DelegationScope.Default), network.EffectiveDelegate(0));
        Assert.Equal(new TallyCounts(4, 2, 1, 1), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Topic_beats_default()
    {
        var network = Voters().Default(0, 1).Topic(0, 2).Build();

        Assert.Equal((2, DelegationScope.Topic), network.EffectiveDelegate(0));
        Assert.Equal(new TallyCounts(4, 1, 2, 1), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Proposal_beats_topic_and_default()
    {
        var network = Voters().Default(0, 1).Topic(0, 2).Proposal(0, 3).Build();

        Assert.Equal((3, DelegationScope.Proposal), network.EffectiveDelegate(0));
        Assert.Equal(new TallyCounts(4, 1, 1, 2), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Proposal_beats_default_without_a_topic_entry()
    {
        var network = Voters().Default(0, 1).Proposal(0, 2).Build();

        Assert.Equal(new TallyCounts(4, 1, 2, 1), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_block_at_topic_scope_shuts_out_the_default()
    {
        var network = Voters().Default(0, 1).Topic(0, DelegationEntry.Blocked).Build();

        Assert.Equal((-1, DelegationScope.Topic), network.EffectiveDelegate(0));
        Assert.Equal(new TallyCounts(4, 1, 1, 1), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_block_at_proposal_scope_shuts_out_topic_and_default()
    {
        var network = Voters().Default(0, 1).Topic(0, 2).Proposal(0, DelegationEntry.Blocked).Build();

        Assert.Equal((-1, DelegationScope.Proposal), network.EffectiveDelegate(0));
        Assert.Equal(new TallyCounts(4, 1, 1, 1), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_proposal_entry_overrides_a_block_at_topic_scope()
    {
        var network = Voters().Default(0, 1).Topic(0, DelegationEntry.Blocked).Proposal(0, 3).Build();

        Assert.Equal((3, DelegationScope.Proposal), network.EffectiveDelegate(0));
        Assert.Equal(new TallyCounts(4, 1, 1, 2), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_topic_entry_overrides_a_block_at_default_scope()
    {
        var network = Voters().Default(0, DelegationEntry.Blocked).Topic(0, 2).Build();

        Assert.Equal(new TallyCounts(4, 1, 2, 1), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_none_entry_at_proposal_scope_falls_through_to_the_topic()
    {
        var network = Voters().Default(0, 1).Topic(0, 2).Proposal(0, DelegationEntry.None).Build();

        Assert.Equal((2, DelegationScope.Topic), network.EffectiveDelegate(0));
        Assert.Equal(new TallyCounts(4, 1, 2, 1), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Each_hop_of_a_chain_uses_its_own_members_most_specific_entry()
    {
        // 0 -> 4 by default; 4 would go to 1 by default, but its topic entry sends it to 2 (no).
        var network = new NetworkBuilder(5)
            .Vote(Choice.Yes, 1)
            .Vote(Choice.No, 2)
            .Default(0, 4)
            .Default(4, 1)
            .Topic(4, 2)
            .Build();

        Assert.Equal([2, 1, 2, LiquidResolver.Lost, 2], LiquidResolver.ResolveCarriers(network));
        Assert.Equal(new TallyCounts(5, 1, 3, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void EffectiveDelegates_agrees_with_EffectiveDelegate_for_every_member()
    {
        var network = new NetworkBuilder(6)
            .Default(0, 1)
            .Default(1, 2).Topic(1, 3)
            .Default(2, 3).Topic(2, DelegationEntry.Blocked)
            .Topic(3, 4).Proposal(3, 5)
            .Default(4, 5).Proposal(4, DelegationEntry.Blocked)
            .Build();

        var expected = Enumerable.Range(0, 6).Select(member => network.EffectiveDelegate(member).Delegate);

        Assert.Equal([1, 3, -1, 5, -1, -1], network.EffectiveDelegates());
        Assert.Equal(expected, network.EffectiveDelegates());
    }
}
