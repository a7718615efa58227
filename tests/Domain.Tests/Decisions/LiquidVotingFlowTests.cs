using Governance.Domain.Cooperatives;
using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Tests.Cooperatives;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;
using static Governance.Domain.Tests.Decisions.ProposalScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>
/// The liquid rules end to end, the way the grains combine the aggregates: the cooperative's layers and the roster
/// fixed at opening, overlaid with the proposal's own delegations and ballots by <see cref="Decision.Network"/>.
/// </summary>
public sealed class LiquidVotingFlowTests
{
    // Indices: the founder 0, ann 1, bob 2, cyd 3, dan 4. By default ann -> bob and dan -> ann; in "bread" bob -> cyd.
    // The founder is an eligible member who neither votes nor delegates in these scenarios, so every tally counts one
    // more eligible member than the four whose weights move, and the founder's weight is never counted.
    private readonly Cooperative _bakery = CooperativeScenario.Created("bread")
        .Join("ann", "bob", "cyd", "dan")
        .Delegate("ann", null, "bob")
        .Delegate("dan", null, "ann")
        .Delegate("bob", "bread", "cyd");

    [Fact]
    public void A_direct_vote_overrides_the_voters_delegation_and_withdrawing_it_restores_the_delegation()
    {
        var proposal = InVoting(_bakery.Version, "bread").Vote("cyd", Choice.Yes);
        Assert.Equal(new TallyCounts(5, 4, 0, 0), Tally(proposal));
        Assert.Equal(LossReason.NoDirectVoter, LiquidResolver.Trace(Network(proposal), 0).Loss);
        Assert.Null(CarrierOf(proposal, CooperativeScenario.Founder));

        proposal.Vote("ann", Choice.No);
        Assert.Equal(new TallyCounts(5, 2, 2, 0), Tally(proposal));
        Assert.Equal("ann", CarrierOf(proposal, "dan"));

        proposal.Withdraw("ann");
        Assert.Equal(new TallyCounts(5, 4, 0, 0), Tally(proposal));
        Assert.Equal("cyd", CarrierOf(proposal, "dan"));
    }

    [Fact]
    public void The_trace_names_every_hop_and_its_scope()
    {
        var proposal = InVoting(_bakery.Version, "bread").Vote("cyd", Choice.Abstain);

        var trace = LiquidResolver.Trace(Network(proposal), 4);

        Assert.Equal(
            [
                new TraceHop(4, 1, DelegationScope.Default),
                new TraceHop(1, 2, DelegationScope.Default),
                new TraceHop(2, 3, DelegationScope.Topic),
            ],
            trace.Hops);
        Assert.Equal((3, Choice.Abstain), (trace.Carrier, trace.Choice));
    }

    [Fact]
    public void A_proposal_delegation_beats_the_topic_and_a_proposal_block_beats_everything()
    {
        var proposal = InVoting(_bakery.Version, "bread").Vote("cyd", Choice.Yes).Vote("dan", Choice.No);

        proposal.Delegate("bob", "dan");
        Assert.Equal(new TallyCounts(5, 1, 3, 0), Tally(proposal));

        proposal.Delegate("ann", null);
        Assert.Equal(new TallyCounts(5, 1, 2, 0), Tally(proposal));
        Assert.Equal(LossReason.NoDirectVoter, LiquidResolver.Trace(Network(proposal), 1).Loss);

        proposal.Apply(proposal.DecideClearDelegation("ann", Now)!);
        Assert.Equal(new TallyCounts(5, 1, 3, 0), Tally(proposal));
    }

    [Fact]
    public void A_topic_block_beats_the_default()
    {
        _bakery.Delegate("ann", "bread", null);
        var proposal = InVoting(_bakery.Version, "bread").Vote("bob", Choice.Yes);

        Assert.Equal(new TallyCounts(5, 1, 0, 0), Tally(proposal));
    }

    [Fact]
    public void A_proposal_outside_the_topic_ignores_topic_delegations()
    {
        var proposal = InVoting(_bakery.Version).Vote("cyd", Choice.Yes);

        Assert.Equal(new TallyCounts(5, 1, 0, 0), Tally(proposal));
    }

    [Fact]
    public void A_loop_made_of_default_and_proposal_delegations_loses_its_weight()
    {
        var proposal = InVoting(_bakery.Version, "bread").Vote("cyd", Choice.No).Delegate("bob", "ann");

        Assert.Equal(new TallyCounts(5, 0, 1, 0), Tally(proposal));
        Assert.Equal(LossReason.Cycle, LiquidResolver.Trace(Network(proposal), 4).Loss);
    }

    [Fact]
    public void Delegations_may_change_during_voting_and_the_close_counts_the_state_at_close()
    {
        var proposal = InVoting(_bakery.Version, "bread").Vote("cyd", Choice.Yes);
        Assert.Equal(new TallyCounts(5, 4, 0, 0), Tally(proposal));

        _bakery.Delegate("bob", "bread", null);
        proposal.Apply(proposal.DecideClose(RosterOf(proposal), Layers(proposal), CloseReason.Requested, Now, Author));

        Assert.Equal(new TallyCounts(5, 1, 0, 0), proposal.Closing!.Counts);
        Assert.Equal(Outcome.Accepted, proposal.Closing.Outcome);
    }

    [Fact]
    public void A_member_who_joined_after_opening_may_not_vote_and_breaks_chains_through_them()
    {
        var proposal = InVoting(_bakery.Version, "bread").Vote("cyd", Choice.Yes);
        _bakery.Join("eve");
        var roster = _bakery.RosterAt(proposal.RosterVersion!.Value);

        var violation = Assert.Throws<RuleViolationException>(
            () => proposal.DecideCastBallot("eve", BallotMarks.Of(Choice.No), roster.IsEligible("eve"), Now));
        Assert.Equal("not-eligible", violation.Code);

        _bakery.ValidateDelegation("ann", "eve");
        proposal.Delegate("ann", "eve");
        var trace = LiquidResolver.Trace(Network(proposal), 1);

        Assert.Equal(LossReason.IneligibleOnChain, trace.Loss);
        Assert.Equal(5, trace.EndedAt);
        Assert.Equal(new TallyCounts(5, 2, 0, 0), Tally(proposal));
    }

    [Fact]
    public void A_member_removed_after_opening_stays_eligible_but_delegations_from_and_to_them_end()
    {
        var proposal = InVoting(_bakery.Version, "bread").Vote("cyd", Choice.Yes);
        _bakery.Remove("bob");

        Assert.Equal(new TallyCounts(5, 1, 0, 0), Tally(proposal));

        proposal.Vote("bob", Choice.No);
        Assert.Equal(new TallyCounts(5, 1, 1, 0), Tally(proposal));
        Assert.Null(CarrierOf(proposal, "dan"));
    }

    [Fact]
    public void A_member_removed_before_opening_is_ineligible_and_delegations_to_them_are_gone()
    {
        _bakery.Remove("bob");
        var proposal = InVoting(_bakery.Version, "bread").Vote("cyd", Choice.Yes);

        Assert.Equal(new TallyCounts(4, 1, 0, 0), Tally(proposal));
        Assert.Equal(LossReason.NoDirectVoter, LiquidResolver.Trace(Network(proposal), 4).Loss);
    }

    private EligibleRoster RosterOf(Decision proposal) => _bakery.RosterAt(proposal.RosterVersion!.Value);

    /// <summary>The cooperative's layers as they stand now, as the grain fetches them for a proposal in voting.</summary>
    private ClosingLayers Layers(Decision proposal) =>
        new(_bakery.DefaultLayer(), proposal.Topic is null ? null : _bakery.TopicLayer(proposal.Topic));

    private DelegationNetwork Network(Decision proposal) => proposal.Network(RosterOf(proposal), Layers(proposal));

    private TallyCounts Tally(Decision proposal) => Assert.IsType<MajorityResult>(proposal.Result(RosterOf(proposal), Layers(proposal))).Counts;

    private string? CarrierOf(Decision proposal, string memberId)
    {
        var roster = RosterOf(proposal);
        var carrier = LiquidResolver.ResolveCarriers(Network(proposal))[roster.IndexOfEligible(memberId)];
        return roster.MemberIdAt(carrier);
    }
}
