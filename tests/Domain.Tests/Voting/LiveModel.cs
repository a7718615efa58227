using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Voting;

/// <summary>
/// The layers of a decision's network, changed as the decision and the cooperative change them: the decision its
/// ballots and proposal entries, the cooperative its default and topic layers, which it turns into the combined
/// entries it sends. <see cref="Snapshot"/> is the network as a full pass would read it.
/// </summary>
internal sealed class LiveModel
{
    private readonly bool[] _eligible;
    private readonly Choice?[] _direct;
    private readonly int[] _defaultLayer;
    private readonly int[] _topicLayer;
    private readonly Dictionary<int, int> _proposalLayer;

    public LiveModel(RandomNetwork start)
    {
        _eligible = start.Eligible;
        _direct = [.. start.Direct];
        _defaultLayer = [.. start.DefaultLayer];
        _topicLayer = start.TopicLayer is null ? DelegationEntry.EmptyLayer(start.Count) : [.. start.TopicLayer];
        _proposalLayer = new Dictionary<int, int>(start.ProposalLayer);
    }

    public int Count => _eligible.Length;

    public RandomNetwork Snapshot() =>
        new(_eligible, [.. _direct], [.. _defaultLayer], [.. _topicLayer], new Dictionary<int, int>(_proposalLayer));

    /// <summary>Applies the change here and, as the decision and the cooperative would send it, to <paramref name="live"/>.</summary>
    public void Apply(LiveChange change, LiveNetwork live)
    {
        var member = change.Member;
        switch (change.Kind)
        {
            case LiveChangeKind.Vote:
                _direct[member] = change.Choice;
                live.SetDirectChoice(member, change.Choice);
                break;
            case LiveChangeKind.Withdraw:
                _direct[member] = null;
                live.SetDirectChoice(member, null);
                break;
            case LiveChangeKind.DefaultEntry:
                _defaultLayer[member] = change.Target;
                live.SetCooperativeEntry(member, CombinedEntry(member));
                break;
            case LiveChangeKind.TopicEntry:
                _topicLayer[member] = change.Target;
                live.SetCooperativeEntry(member, CombinedEntry(member));
                break;
            case LiveChangeKind.ProposalEntry:
                SetProposalEntry(member, change.Target, live);
                break;
            case LiveChangeKind.IntoOwnTree:
                DelegateIntoOwnTree(member, change.Target, live);
                break;
            case LiveChangeKind.OntoLongestChain:
                DelegateOntoLongestChain(member, change.Target, live);
                break;
            case LiveChangeKind.Removal:
                Remove(member, live);
                break;
            case LiveChangeKind.Resend:
                live.SetCooperativeEntry(member, CombinedEntry(member));
                break;
        }
    }

    /// <summary>The topic's entry unless it has none, then the default's: what the cooperative sends.</summary>
    private int CombinedEntry(int member) =>
        _topicLayer[member] != DelegationEntry.None ? _topicLayer[member] : _defaultLayer[member];

    private void SetProposalEntry(int member, int entry, LiveNetwork live)
    {
        if (entry == DelegationEntry.None)
        {
            _proposalLayer.Remove(member);
        }
        else
        {
            _proposalLayer[member] = entry;
        }

        live.SetProposalEntry(member, entry);
    }

    /// <summary>Delegates to one of the members whose chain reaches this one, itself included.</summary>
    private void DelegateIntoOwnTree(int member, int pick, LiveNetwork live)
    {
        var network = Snapshot();
        int[] reaching = [.. Enumerable.Range(0, Count).Where(other =>
            other == member || ReferenceResolver.Follow(network, other).Hops.Any(hop => hop.To == member))];
        DelegateAt(member, reaching[pick % reaching.Length], pick, live);
    }

    private void DelegateOntoLongestChain(int member, int pick, LiveNetwork live)
    {
        var network = Snapshot();
        var longest = Enumerable.Range(0, Count).MaxBy(other => ReferenceResolver.Follow(network, other).Hops.Count);
        DelegateAt(member, longest, pick, live);
    }

    /// <summary>Delegates at the proposal, topic or default scope, as the pick chooses.</summary>
    private void DelegateAt(int member, int target, int pick, LiveNetwork live)
    {
        switch (pick % 3)
        {
            case 0:
                SetProposalEntry(member, target, live);
                break;
            case 1:
                _topicLayer[member] = target;
                live.SetCooperativeEntry(member, CombinedEntry(member));
                break;
            default:
                _defaultLayer[member] = target;
                live.SetCooperativeEntry(member, CombinedEntry(member));
                break;
        }
    }

    /// <summary>
    /// The decision withdraws the ballot and ends its delegations from and to the member; the cooperative ends its
    /// own, at every scope, and sends the combined entries that changed.
    /// </summary>
    private void Remove(int member, LiveNetwork live)
    {
        int[] combinedBefore = [.. Enumerable.Range(0, Count).Select(CombinedEntry)];
        _direct[member] = null;
        _proposalLayer.Remove(member);
        foreach (var (from, _) in _proposalLayer.Where(pair => pair.Value == member).ToList())
        {
            _proposalLayer.Remove(from);
        }

        live.RemoveMember(member);
        foreach (var layer in new[] { _defaultLayer, _topicLayer })
        {
            layer[member] = DelegationEntry.None;
            for (var from = 0; from < Count; from++)
            {
                if (layer[from] == member)
                {
                    layer[from] = DelegationEntry.None;
                }
            }
        }

        for (var other = 0; other < Count; other++)
        {
            if (CombinedEntry(other) != combinedBefore[other])
            {
                live.SetCooperativeEntry(other, CombinedEntry(other));
            }
        }
    }
}
