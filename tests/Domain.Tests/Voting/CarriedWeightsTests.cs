using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public sealed class CarriedWeightsTests
{
    [Fact]
    public void Each_direct_voter_carries_itself_and_everyone_whose_chain_first_reaches_it()
    {
        // 4 -> 3 -> 2 -> 1 -> 0; 0 and 2 voted: 2 carries 3 and 4, 0 carries 1.
        var network = new NetworkBuilder(5).Chain(4, 3, 2, 1, 0).Vote(Choice.Yes, 0, 2).Build();

        Assert.Equal([2, 0, 3, 0, 0], LiquidResolver.CarriedWeights(network));
    }

    [Fact]
    public void Lost_weight_is_carried_by_nobody()
    {
        // 1 <-> 2 loop, 3 ends at 4 who did not vote, 5 passes through ineligible 6.
        var network = new NetworkBuilder(7)
            .Default(1, 2).Default(2, 1).Default(3, 4).Default(5, 6).Default(6, 0)
            .Vote(Choice.No, 0)
            .Ineligible(6)
            .Build();

        Assert.Equal([1, 0, 0, 0, 0, 0, 0], LiquidResolver.CarriedWeights(network));
    }

    [Fact]
    public void An_ineligible_direct_voter_carries_nothing()
    {
        var network = new NetworkBuilder(2).Default(1, 0).Vote(Choice.Yes, 0).Ineligible(0).Build();

        Assert.Equal([0, 0], LiquidResolver.CarriedWeights(network));
    }

    [Fact]
    public void Scopes_apply_narrowest_first()
    {
        // 3: default -> 0, topic -> 1, proposal -> 2. 2 blocks at the proposal scope despite its default.
        var network = new NetworkBuilder(4)
            .Default(3, 0).Topic(3, 1).Proposal(3, 2)
            .Default(2, 0).Proposal(2, DelegationEntry.Blocked)
            .Vote(Choice.Yes, 0, 1)
            .Vote(Choice.No, 2)
            .Build();

        Assert.Equal([1, 1, 2, 0], LiquidResolver.CarriedWeights(network));
    }
}
