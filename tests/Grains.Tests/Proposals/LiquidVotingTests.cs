using Governance.Contracts.Errors;
using Governance.Contracts.Proposals;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Proposals;

[Collection(ClusterCollection.Name)]
public sealed class LiquidVotingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Tally_follows_the_most_specific_scope_across_silos()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat", "dan", "eve", "fay");
        var coop = scenario.Cooperative;
        await coop.SetDelegation("ben", null, "ann");       // default: ben -> ann
        await coop.SetDelegation("ben", "budget", "cat");   // topic beats default: ben -> cat
        await coop.SetDelegation("dan", null, "ben");       // dan -> ben -> cat
        await coop.SetDelegation("eve", null, "ann");
        await coop.SetDelegation("eve", "budget", null);    // explicit block at topic: eve's weight is lost
        await coop.SetDelegation("fay", "budget", "ann");
        var proposal = await scenario.OpenProposal(topic: "budget");
        await proposal.SetDelegation("fay", "cat");         // proposal beats topic: fay -> cat

        await proposal.Vote("ann", VoteChoice.Yes);
        await proposal.Vote("cat", VoteChoice.No);

        var tally = await proposal.GetResult();
        Assert.Equal(6, tally.Eligible);
        Assert.Equal(5, tally.Participation);
        Assert.Equal(new TallyCountsView(1, 4, 0), tally.Counts);
        Assert.Null(tally.Outcome);
    }

    [Fact]
    public async Task Direct_vote_overrides_and_withdrawal_restores_the_delegation()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        await scenario.Cooperative.SetDelegation("ben", null, "ann");
        var proposal = await scenario.OpenProposal();
        await proposal.Vote("ann", VoteChoice.Yes);

        await proposal.Vote("ben", VoteChoice.No);
        Assert.Equal(new TallyCountsView(1, 1, 0), (await proposal.GetResult()).Counts);

        await proposal.WithdrawBallot("ben");
        Assert.Equal(new TallyCountsView(2, 0, 0), (await proposal.GetResult()).Counts);
    }

    [Fact]
    public async Task Trace_names_the_carrier_and_every_hop_with_its_scope()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat");
        await scenario.Cooperative.SetDelegation("cat", null, "ben");
        await scenario.Cooperative.SetDelegation("ben", "hiring", "ann");
        var proposal = await scenario.OpenProposal(topic: "hiring");
        await proposal.Vote("ann", VoteChoice.Abstain);

        var trace = await proposal.Trace("cat");

        Assert.True(trace.Counted);
        Assert.Equal("ann", trace.CarriedBy);
        Assert.Equal(VoteChoice.Abstain, trace.Choice);
        Assert.Equal(
            [new TraceHopView("cat", "ben", DelegationScope.Default), new TraceHopView("ben", "ann", DelegationScope.Topic)],
            trace.Chain);
    }

    [Fact]
    public async Task Members_who_join_after_opening_cannot_vote_and_break_chains()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        var proposal = await scenario.OpenProposal();
        await scenario.Cooperative.AddMember("late", null, scenario.Founder);
        await scenario.Cooperative.SetDelegation("ben", null, "late");

        var refused = await Assert.ThrowsAsync<GovernanceException>(() => proposal.Vote("late", VoteChoice.Yes));
        Assert.Equal(ErrorKind.Conflict, refused.Kind);

        await proposal.Vote("ann", VoteChoice.Yes);
        var tally = await proposal.GetResult();
        Assert.Equal(2, tally.Eligible);
        Assert.Equal(1, tally.Participation);
        Assert.Equal(LostReason.IneligibleOnChain, (await proposal.Trace("ben")).LostReason);
    }

    [Fact]
    public async Task Close_freezes_the_tally_against_later_delegation_changes()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat");
        await scenario.Cooperative.SetDelegation("ben", null, "ann");
        var proposal = await scenario.OpenProposal(quorum: 0.5);
        await proposal.Vote("ann", VoteChoice.Yes);
        await proposal.Vote("cat", VoteChoice.No);

        var closed = await proposal.Close(scenario.Founder);
        await scenario.Cooperative.SetDelegation("ben", null, "cat");

        Assert.Equal(ProposalOutcome.Accepted, closed.Outcome);
        var tally = await proposal.GetResult();
        Assert.Equal(new TallyCountsView(2, 1, 0), tally.Counts);
        Assert.True(tally.QuorumReached);
        Assert.Equal(ProposalOutcome.Accepted, tally.Outcome);
        var late = await Assert.ThrowsAsync<GovernanceException>(() => proposal.SetDelegation("ben", "ann"));
        Assert.Equal(ErrorKind.Conflict, late.Kind);
    }

    [Fact]
    public async Task Trace_after_close_shows_the_chain_that_was_counted()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat");
        await scenario.Cooperative.SetDelegation("ben", null, "ann");
        var proposal = await scenario.OpenProposal();
        await proposal.Vote("ann", VoteChoice.Yes);
        await proposal.Vote("cat", VoteChoice.No);
        await proposal.Close(scenario.Founder);

        await scenario.Cooperative.SetDelegation("ben", null, "cat");
        await fixture.Cluster.DeactivateAsync(proposal);

        var trace = await proposal.Trace("ben");
        Assert.Equal("ann", trace.CarriedBy);
        Assert.Equal(VoteChoice.Yes, trace.Choice);
        Assert.Equal([new TraceHopView("ben", "ann", DelegationScope.Default)], trace.Chain);
    }

    [Fact]
    public async Task Tally_is_identical_after_every_grain_reactivates()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat", "dan");
        await scenario.Cooperative.SetDelegation("ben", null, "ann");
        await scenario.Cooperative.SetDelegation("dan", null, "cat");
        var proposal = await scenario.OpenProposal();
        await proposal.SetDelegation("dan", "ann");
        await proposal.Vote("ann", VoteChoice.No);
        await proposal.Vote("cat", VoteChoice.Yes);
        var before = await proposal.GetResult();

        await fixture.Cluster.DeactivateAsync(proposal);
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);

        Assert.Equal(before, await proposal.GetResult());
        Assert.Equal(new TallyCountsView(1, 3, 0), before.Counts);
    }
}
