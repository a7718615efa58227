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

    /// <summary>The delegate that applies to <paramref name="member"/>, and the scope it was set at; -1 when none applies.</summary>
    public (int Delegate, DelegationScope Scope) EffectiveDelegate(int member)
    {
        if (_proposalLayer.TryGetValue(member, out var atProposal) && atProposal != DelegationEntry.None)
        {
            return (Math.Max(atProposal, -1), DelegationScope.Proposal);
        }

        var atTopic = _topicLayer is null ? DelegationEntry.None : _topicLayer[member];
        if (atTopic != DelegationEntry.None)
        {
            return (Math.Max(atTopic, -1), DelegationScope.Topic);
        }

        return (Math.Max(_defaultLayer[member], -1), DelegationScope.Default);
    }

    /// <summary>Every member's effective delegate in one array (-1 when none), for the linear resolver.</summary>
    public int[] EffectiveDelegates()
    {
        var effective = new int[MemberCount];
        for (var member = 0; member < effective.Length; member++)
        {
            var atTopic = _topicLayer is null ? DelegationEntry.None : _topicLayer[member];
            var entry = atTopic != DelegationEntry.None ? atTopic : _defaultLayer[member];
            effective[member] = entry < 0 ? -1 : entry;
        }

        foreach (var (member, entry) in _proposalLayer)
        {
            if (entry != DelegationEntry.None && member < effective.Length)
            {
                effective[member] = entry < 0 ? -1 : entry;
            }
        }

        return effective;
    }
}
