using Governance.Domain.Voting;

namespace Governance.Benchmarks.Voting;

/// <summary>
/// A deterministic random delegation network whose chains really are up to <see cref="MaxDepth"/> hops deep.
/// A quarter of the members vote directly and 15 % neither vote nor delegate; they form layer 0. The 60 % who
/// delegate are spread evenly over layers 1..MaxDepth, and each one delegates to a random member of the layer
/// below, so a member of layer d is exactly d hops from a direct voter or an idle member. A tenth of the
/// delegators re-point at topic scope and one in a hundred at proposal scope, always into the layer below, so
/// every scope is read without changing the depths. Indices are shuffled, so chains jump around memory as a
/// real roster's would.
/// </summary>
public static class LayeredDelegationGraph
{
    public const int MaxDepth = 50;

    private const double DirectVoterShare = 0.25;
    private const double DelegatorShare = 0.60;
    private const double TopicOverrideShare = 0.10;
    private const double ProposalOverrideShare = 0.01;

    public static DelegationNetwork Build(int memberCount, int seed)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, memberCount).ToArray();
        random.Shuffle(order);

        var directVoters = (int)(memberCount * DirectVoterShare);
        var delegators = (int)(memberCount * DelegatorShare);
        var roots = memberCount - delegators;

        var layers = new int[MaxDepth + 1][];
        layers[0] = order[..roots];
        var perLayer = delegators / MaxDepth;
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            var start = roots + ((depth - 1) * perLayer);
            var end = depth == MaxDepth ? memberCount : start + perLayer;
            layers[depth] = order[start..end];
        }

        var eligible = new bool[memberCount];
        Array.Fill(eligible, true);
        var direct = new Choice?[memberCount];
        Choice[] choices = [Choice.Yes, Choice.No, Choice.Abstain];
        foreach (var voter in layers[0][..directVoters])
        {
            direct[voter] = choices[random.Next(choices.Length)];
        }

        var defaultLayer = DelegationEntry.EmptyLayer(memberCount);
        var topicLayer = DelegationEntry.EmptyLayer(memberCount);
        var proposalLayer = new Dictionary<int, int>();
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            var below = layers[depth - 1];
            foreach (var member in layers[depth])
            {
                defaultLayer[member] = below[random.Next(below.Length)];
                var scope = random.NextDouble();
                if (scope < ProposalOverrideShare)
                {
                    proposalLayer[member] = below[random.Next(below.Length)];
                }
                else if (scope < TopicOverrideShare)
                {
                    topicLayer[member] = below[random.Next(below.Length)];
                }
            }
        }

        var network = new DelegationNetwork(eligible, direct, defaultLayer, topicLayer, proposalLayer);
        RequireDepth(network, layers[MaxDepth][0], MaxDepth);
        return network;
    }

    /// <summary>Fails the setup, rather than measuring a shallower graph, if the layering ever stops producing deep chains.</summary>
    private static void RequireDepth(DelegationNetwork network, int member, int depth)
    {
        var hops = LiquidResolver.Trace(network, member).Hops.Count;
        if (hops != depth)
        {
            throw new InvalidOperationException($"Expected a chain of {depth} hops from member {member}, found {hops}.");
        }
    }
}
