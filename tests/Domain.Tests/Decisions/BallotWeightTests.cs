using Governance.Domain.Decisions;
using static Governance.Domain.Tests.Decisions.DecisionScenario;
using static Governance.Domain.Tests.Decisions.PollScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>A ballot weighs the number of eligible members whose chain first reaches its voter, the voter included.</summary>
public sealed class BallotWeightTests
{
    private static readonly string[] Members = ["ann", "ben", "cat", "dan", "eve"];

    private static readonly ClosingLayers NoDelegations = new(Layer(Members), null);

    [Fact]
    public void Without_delegations_every_ballot_weighs_one()
    {
        var poll = InVoting().Rank("ann", "a").Rank("cat", "b");

        Assert.Equal(Weights(("ann", 1), ("cat", 1)), poll.BallotWeights(Roster(Members), NoDelegations));
    }

    [Fact]
    public void Weight_flows_along_a_chain_to_the_first_direct_voter_and_no_further()
    {
        // eve -> dan -> cat -> ben -> ann; ben and ann voted: ben carries cat, dan and eve.
        var layers = new ClosingLayers(Layer(Members, ("eve", "dan"), ("dan", "cat"), ("cat", "ben"), ("ben", "ann")), null);
        var poll = InVoting().Rank("ann", "a").Rank("ben", "b");

        Assert.Equal(Weights(("ann", 1), ("ben", 4)), poll.BallotWeights(Roster(Members), layers));
    }

    [Fact]
    public void A_direct_ballot_overrides_the_voters_own_delegation_and_withdrawing_it_restores_the_chain()
    {
        var layers = new ClosingLayers(Layer(Members, ("ben", "ann"), ("cat", "ben")), null);
        var poll = InVoting().Rank("ann", "a").Rank("ben", "b");
        Assert.Equal(Weights(("ann", 1), ("ben", 2)), poll.BallotWeights(Roster(Members), layers));

        poll.Apply(poll.DecideWithdrawBallot("ben", eligible: true, Now)!);

        Assert.Equal(Weights(("ann", 3)), poll.BallotWeights(Roster(Members), layers));
    }

    [Fact]
    public void A_cycle_or_a_dead_end_loses_the_weight()
    {
        // ben <-> cat loop; dan feeds the loop; eve delegates to nobody who votes.
        var layers = new ClosingLayers(Layer(Members, ("ben", "cat"), ("cat", "ben"), ("dan", "ben")), null);
        var poll = InVoting().Rank("ann", "a");

        Assert.Equal(Weights(("ann", 1)), poll.BallotWeights(Roster(Members), layers));
        Assert.Equal(1, poll.LiveResult(Roster(Members), layers).Participation);
    }

    [Fact]
    public void A_chain_through_an_ineligible_member_loses_the_weight_and_the_ineligible_count_for_nothing()
    {
        // dan joined after opening: cat -> dan -> ann does not reach ann, and dan's own weight is not counted.
        var layers = new ClosingLayers(Layer(Members, ("cat", "dan"), ("dan", "ann"), ("eve", "ann")), null);
        var poll = InVoting().Rank("ann", "a");

        var roster = Roster(Members, "dan");

        Assert.Equal(Weights(("ann", 2)), poll.BallotWeights(roster, layers));
        var result = poll.LiveResult(roster, layers);
        Assert.Equal((4, 2), (result.Eligible, result.Participation));
    }

    [Fact]
    public void The_topic_layer_beats_the_default_and_the_poll_scope_beats_both()
    {
        // Default: ben, cat, dan -> ann. Topic: cat, dan -> eve. Poll: dan -> ann again.
        var layers = new ClosingLayers(
            Layer(Members, ("ben", "ann"), ("cat", "ann"), ("dan", "ann")),
            Layer(Members, ("cat", "eve"), ("dan", "eve")));
        var poll = InVoting(topic: "budget").Rank("ann", "a").Rank("eve", "b").Delegate("dan", "ann");

        Assert.Equal(Weights(("ann", 3), ("eve", 2)), poll.BallotWeights(Roster(Members), layers));
    }

    [Fact]
    public void An_explicit_block_at_the_poll_scope_stops_the_broader_delegations()
    {
        var layers = new ClosingLayers(Layer(Members, ("ben", "ann")), Layer(Members, ("cat", "ann")));
        var poll = InVoting(topic: "budget").Rank("ann", "a").Delegate("ben", null).Delegate("cat", null);

        Assert.Equal(Weights(("ann", 1)), poll.BallotWeights(Roster(Members), layers));
    }

    [Fact]
    public void A_topic_block_stops_the_default_but_not_a_poll_delegation()
    {
        var layers = new ClosingLayers(Layer(Members, ("ben", "ann"), ("cat", "ann")), Layer(Members, ("ben", null), ("cat", null)));
        var poll = InVoting(topic: "budget").Rank("ann", "a").Delegate("cat", "ann");

        Assert.Equal(Weights(("ann", 2)), poll.BallotWeights(Roster(Members), layers));
    }

    [Fact]
    public void The_tally_counts_each_ballot_with_its_weight()
    {
        // ann ranks a first alone; ben ranks b first and carries cat and dan: b wins 3 to 1 against a.
        var layers = new ClosingLayers(Layer(Members, ("cat", "ben"), ("dan", "ben")), null);
        var poll = InVoting().Rank("ann", "a|b|c").Rank("ben", "b|a|c");

        var result = poll.LiveResult(Roster(Members), layers);

        Assert.Equal(["b", "a", "c"], result.Ranking.Entries.Select(entry => entry.Item));
        Assert.Equal(3, result.Schulze!.Preferences["b", "a"]);
        Assert.Equal(1, result.Schulze.Preferences["a", "b"]);
        Assert.Equal((5, 4), (result.Eligible, result.Participation));
    }

    private static Dictionary<string, int> Weights(params (string Member, int Weight)[] weights) =>
        weights.ToDictionary(weight => weight.Member, weight => weight.Weight);
}
