using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

/// <summary>Builds a <see cref="DelegationNetwork"/> over member indices 0..count-1, all eligible unless said otherwise.</summary>
internal sealed class NetworkBuilder
{
    private readonly bool[] _eligible;
    private readonly Choice?[] _direct;
    private readonly int[] _defaultLayer;
    private readonly int[] _topicLayer;
    private readonly Dictionary<int, int> _proposalLayer = [];
    private bool _hasTopicLayer;

    public NetworkBuilder(int count)
    {
        _eligible = new bool[count];
        Array.Fill(_eligible, true);
        _direct = new Choice?[count];
        _defaultLayer = DelegationEntry.EmptyLayer(count);
        _topicLayer = DelegationEntry.EmptyLayer(count);
    }

    public NetworkBuilder Default(int from, int to)
    {
        _defaultLayer[from] = to;
        return this;
    }

    public NetworkBuilder Topic(int from, int to)
    {
        _topicLayer[from] = to;
        _hasTopicLayer = true;
        return this;
    }

    public NetworkBuilder Proposal(int from, int to)
    {
        _proposalLayer[from] = to;
        return this;
    }

    /// <summary>Each member delegates at the default scope to the next one in <paramref name="members"/>.</summary>
    public NetworkBuilder Chain(params int[] members)
    {
        for (var position = 0; position + 1 < members.Length; position++)
        {
            Default(members[position], members[position + 1]);
        }

        return this;
    }

    public NetworkBuilder Vote(Choice choice, params int[] members)
    {
        foreach (var member in members)
        {
            _direct[member] = choice;
        }

        return this;
    }

    public NetworkBuilder Ineligible(params int[] members)
    {
        foreach (var member in members)
        {
            _eligible[member] = false;
        }

        return this;
    }

    public DelegationNetwork Build() =>
        new(_eligible, _direct, _defaultLayer, _hasTopicLayer ? _topicLayer : null, _proposalLayer);
}
