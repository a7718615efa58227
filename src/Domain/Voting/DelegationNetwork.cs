namespace Governance.Domain.Voting;

/// <summary>
/// Everything the liquid rules need for one decision, over dense member indices:
/// who is eligible, who voted directly, and each scope's delegation entries.
/// </summary>
public sealed class DelegationNetwork
{
    private readonly int[] _defaultLayer;
    private readonly int[]? _topicLayer;
    private readonly IReadOnlyDictionary<int, int> _proposalLayer;

    public DelegationNetwork(
        bool[] eligible,
        Choice?[] directChoices,
        int[] defaultLayer,
        int[]? topicLayer = null,
        IReadOnlyDictionary<int, int>? proposalLayer = null)
    {
        var count = eligible.Length;
        if (directChoices.Length != count || defaultLayer.Length < count || (topicLayer is not null && topicLayer.Length < count))
        {
            throw new ArgumentException("Every layer must cover every member index.");
        }

        Eligible = eligible;
        DirectChoices = directChoices;
        _defaultLayer = defaultLayer;
        _topicLayer = topicLayer;
        _proposalLayer = proposalLayer ?? new Dictionary<int, int>();
    }

    public int MemberCount => Eligible.Length;

    public bool[] Eligible { get; }

    public Choice?[] DirectChoices { get; }

    /// <summary>The decision's own entries by member: a delegate, <see cref="DelegationEntry.Blocked"/>, or <see cref="DelegationEntry.None"/>.</summary>
    public IReadOnlyDictionary<int, int> ProposalLayer => _proposalLayer;

    /// <summary>The delegate the cooperative's layers alone give <paramref name="member"/>, whatever the decision's entry says; -1 when none.</summary>
    public int CooperativeDelegate(int member) => Math.Max(CooperativeEntry(member).Entry, -1);

    /// <summary>The delegate that applies to <paramref name="member"/>, and the scope it was set at; -1 when none applies.</summary>
    public (int Delegate, DelegationScope Scope) EffectiveDelegate(int member)
    {
        if (_proposalLayer.TryGetValue(member, out var atProposal) && atProposal != DelegationEntry.None)
        {
            return (Math.Max(atProposal, -1), DelegationScope.Proposal);
        }

        var (entry, scope) = CooperativeEntry(member);
        return (Math.Max(entry, -1), scope);
    }

    /// <summary>Every member's effective delegate in one array (-1 when none), for the linear resolver.</summary>
    public int[] EffectiveDelegates()
    {
        var effective = new int[MemberCount];
        WriteEffectiveDelegates(effective);
        return effective;
    }

    /// <summary>As <see cref="EffectiveDelegates()"/>, into <paramref name="effective"/>, which holds one per member.</summary>
    public void WriteEffectiveDelegates(Span<int> effective)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(effective.Length, MemberCount, nameof(effective));
        for (var member = 0; member < effective.Length; member++)
        {
            effective[member] = Math.Max(CooperativeEntry(member).Entry, -1);
        }

        foreach (var (member, entry) in _proposalLayer)
        {
            if (entry != DelegationEntry.None && member < effective.Length)
            {
                effective[member] = entry < 0 ? -1 : entry;
            }
        }
    }

    /// <summary>The entry the cooperative's layers give a member: the topic's unless it has none, then the default's.</summary>
    private (int Entry, DelegationScope Scope) CooperativeEntry(int member)
    {
        var atTopic = _topicLayer is null ? DelegationEntry.None : _topicLayer[member];
        return atTopic != DelegationEntry.None ? (atTopic, DelegationScope.Topic) : (_defaultLayer[member], DelegationScope.Default);
    }
}
