using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

public static class RandomNetworks
{
    public static Arbitrary<RandomNetwork> Networks() => RandomNetwork.Generator().ToArbitrary();
}

/// <summary>The linear resolver must agree with the step-by-step <see cref="ReferenceResolver"/> on every graph.</summary>
public sealed class ResolverPropertyTests
{
    [Property(Arbitrary = [typeof(RandomNetworks)], MaxTest = 500, EndSize = 60)]
    public void ResolveCarriers_matches_the_reference(RandomNetwork network) =>
        Assert.Equal(ReferenceResolver.Carriers(network), LiquidResolver.ResolveCarriers(network.ToNetwork()));

    [Property(Arbitrary = [typeof(RandomNetworks)], MaxTest = 500, EndSize = 60)]
    public void Tally_matches_the_reference(RandomNetwork network) =>
        Assert.Equal(ReferenceResolver.Tally(network), LiquidResolver.Tally(network.ToNetwork()));

    [Property(Arbitrary = [typeof(RandomNetworks)], MaxTest = 40, StartSize = 500, EndSize = 3000)]
    public void Tally_matches_the_reference_on_large_graphs(RandomNetwork network)
    {
        var resolved = network.ToNetwork();

        Assert.Equal(ReferenceResolver.Carriers(network), LiquidResolver.ResolveCarriers(resolved));
        Assert.Equal(ReferenceResolver.Tally(network), LiquidResolver.Tally(resolved));
    }

    [Property(Arbitrary = [typeof(RandomNetworks)], MaxTest = 300, EndSize = 40)]
    public void Trace_matches_the_reference_hop_by_hop(RandomNetwork network)
    {
        var resolved = network.ToNetwork();
        for (var member = 0; member < network.Count; member++)
        {
            var expected = ReferenceResolver.Follow(network, member);
            var actual = LiquidResolver.Trace(resolved, member);

            Assert.Equal(expected.Hops, actual.Hops);
            Assert.Equal((expected.Carrier, expected.Choice, expected.Loss, expected.EndedAt), (actual.Carrier, actual.Choice, actual.Loss, actual.EndedAt));
        }
    }

    [Property(Arbitrary = [typeof(RandomNetworks)], MaxTest = 300, EndSize = 60)]
    public void Trace_and_ResolveCarriers_agree_on_every_member(RandomNetwork network)
    {
        var resolved = network.ToNetwork();
        var carriers = LiquidResolver.ResolveCarriers(resolved);
        for (var member = 0; member < network.Count; member++)
        {
            Assert.Equal(carriers[member], LiquidResolver.Trace(resolved, member).Carrier ?? LiquidResolver.Lost);
        }
    }

    /// <summary>
    /// Guards the generator: the properties only mean something if every rule is exercised. A fixed seed keeps the
    /// guard from failing by chance: unseeded, it now and then drew no long counted chain.
    /// </summary>
    [Fact]
    public void Generated_graphs_exercise_every_loss_reason_scope_and_block()
    {
        var networks = RandomNetwork.Generator().Sample(30, new Rnd(20261123), 200);
        var traces = networks.SelectMany(network => Enumerable.Range(0, network.Count).Select(member => ReferenceResolver.Follow(network, member))).ToList();

        Assert.Equal(
            [LossReason.NoDirectVoter, LossReason.Cycle, LossReason.IneligibleOnChain],
            traces.Where(trace => trace.Loss is not null).Select(trace => trace.Loss!.Value).Distinct().Order());
        Assert.Equal(
            [DelegationScope.Default, DelegationScope.Topic, DelegationScope.Proposal],
            traces.SelectMany(trace => trace.Hops).Select(hop => hop.Scope).Distinct().Order());
        Assert.Contains(traces, trace => trace.Hops.Any(hop => hop.From == hop.To));
        Assert.Contains(traces, trace => trace.Hops.Count >= 5 && trace.Counted);
        Assert.Contains(networks, network => network.ProposalLayer.Values.Contains(DelegationEntry.Blocked));
        Assert.Contains(networks, network => network.TopicLayer?.Contains(DelegationEntry.Blocked) == true);
    }
}
