using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public sealed class EligibleRosterTests
{
    private static readonly KeyValuePair<string, string?>[] NoDelegations = [];

    // "ann" left and rejoined: her old index 0 is ineligible, her current index 3 is eligible. "dan" joined after the roster was fixed.
    private static EligibleRoster Roster() =>
        new(["ann", "bob", "cyd", "ann", "dan"], [false, true, true, true, false]);

    private static KeyValuePair<string, Choice>[] Ballots(params (string Member, Choice Choice)[] ballots) =>
        [.. ballots.Select(ballot => KeyValuePair.Create(ballot.Member, ballot.Choice))];

    private static KeyValuePair<string, string?>[] Delegations(params (string Member, string? Delegate)[] delegations) =>
        [.. delegations.Select(delegation => KeyValuePair.Create(delegation.Member, delegation.Delegate))];

    [Fact]
    public void Lookups_see_only_eligible_members_and_a_rejoined_members_current_index()
    {
        var roster = Roster();

        Assert.Equal(3, roster.EligibleCount);
        Assert.Equal(3, roster.IndexOfEligible("ann"));
        Assert.Equal(-1, roster.IndexOfEligible("dan"));
        Assert.Equal(-1, roster.IndexOfEligible("eve"));
        Assert.True(roster.IsEligible("bob"));
        Assert.False(roster.IsEligible("dan"));
        Assert.Equal("cyd", roster.MemberIdAt(2));
        Assert.Null(roster.MemberIdAt(-1));
        Assert.Null(roster.MemberIdAt(5));
    }

    [Fact]
    public void Every_member_needs_an_eligibility_flag()
    {
        Assert.Throws<ArgumentException>(() => new EligibleRoster(["ann", "bob"], [true]));
    }

    [Fact]
    public void Ballots_of_ineligible_or_unknown_members_are_ignored()
    {
        var network = Roster().BuildNetwork(
            DelegationEntry.EmptyLayer(5),
            null,
            NoDelegations,
            Ballots(("ann", Choice.No), ("bob", Choice.Yes), ("dan", Choice.No), ("eve", Choice.No)));

        Assert.Equal([null, Choice.Yes, null, Choice.No, null], network.DirectChoices);
        Assert.Equal(new TallyCounts(3, 1, 1, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Proposal_delegations_map_ids_to_indices_and_a_null_delegate_to_a_block()
    {
        var defaultLayer = DelegationEntry.EmptyLayer(5);
        defaultLayer[2] = 1;
        var network = Roster().BuildNetwork(
            defaultLayer,
            null,
            Delegations(("bob", "ann"), ("cyd", null)),
            Ballots(("ann", Choice.Abstain)));

        Assert.Equal((3, DelegationScope.Proposal), network.EffectiveDelegate(1));
        Assert.Equal((-1, DelegationScope.Proposal), network.EffectiveDelegate(2));
        Assert.Equal(new TallyCounts(3, 0, 0, 2), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Proposal_delegations_of_ineligible_members_are_ignored()
    {
        var network = Roster().BuildNetwork(DelegationEntry.EmptyLayer(5), null, Delegations(("dan", "bob"), ("eve", "bob")), []);

        Assert.Equal((-1, DelegationScope.Default), network.EffectiveDelegate(4));
    }

    [Fact]
    public void A_proposal_delegation_to_a_member_who_joined_later_breaks_at_that_member()
    {
        var network = Roster().BuildNetwork(
            DelegationEntry.EmptyLayer(5),
            null,
            Delegations(("bob", "dan")),
            Ballots(("cyd", Choice.Yes)));

        var trace = LiquidResolver.Trace(network, 1);

        Assert.Equal(LossReason.IneligibleOnChain, trace.Loss);
        Assert.Equal(4, trace.EndedAt);
        Assert.Equal(new TallyCounts(3, 1, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void A_proposal_delegation_to_an_unknown_id_breaks_the_chain()
    {
        var network = Roster().BuildNetwork(
            DelegationEntry.EmptyLayer(5),
            null,
            Delegations(("bob", "eve")),
            Ballots(("cyd", Choice.Yes)));

        Assert.Equal(LossReason.IneligibleOnChain, LiquidResolver.Trace(network, 1).Loss);
        Assert.Equal(new TallyCounts(3, 1, 0, 0), LiquidResolver.Tally(network));
    }

    [Fact]
    public void Layers_shorter_than_the_roster_are_padded_and_longer_ones_cut()
    {
        var roster = new EligibleRoster(["ann", "bob", "cyd"], [true, true, true]);
        int[] shortDefault = [1];
        int[] longTopic = [DelegationEntry.None, 2, DelegationEntry.None, 0];

        var network = roster.BuildNetwork(shortDefault, longTopic, NoDelegations, Ballots(("cyd", Choice.No)));

        Assert.Equal([1, 2, -1], network.EffectiveDelegates());
        Assert.Equal(new TallyCounts(3, 0, 3, 0), LiquidResolver.Tally(network));
    }
}
