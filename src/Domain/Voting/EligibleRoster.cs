namespace Governance.Domain.Voting;

/// <summary>The members of a cooperative by dense index, and which of them may take part in one decision.</summary>
public sealed class EligibleRoster
{
    private readonly Dictionary<string, int> _eligibleIndexById;
    private readonly Dictionary<string, int> _latestIndexById;

    public EligibleRoster(string[] memberIds, bool[] eligible)
    {
        if (memberIds.Length != eligible.Length)
        {
            throw new ArgumentException("Every member needs an eligibility flag.", nameof(eligible));
        }

        MemberIds = memberIds;
        Eligible = eligible;
        _eligibleIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        _latestIndexById = new Dictionary<string, int>(memberIds.Length, StringComparer.Ordinal);
        for (var index = 0; index < memberIds.Length; index++)
        {
            _latestIndexById[memberIds[index]] = index;
            if (eligible[index])
            {
                _eligibleIndexById[memberIds[index]] = index;
            }
        }

        EligibleCount = _eligibleIndexById.Count;
    }

    public string[] MemberIds { get; }

    public bool[] Eligible { get; }

    public int EligibleCount { get; }

    public bool IsEligible(string memberId) => _eligibleIndexById.ContainsKey(memberId);

    /// <summary>The index of an eligible member, or -1.</summary>
    public int IndexOfEligible(string memberId) => _eligibleIndexById.GetValueOrDefault(memberId, -1);

    /// <summary>The id at an index, or null for an index outside the roster.</summary>
    public string? MemberIdAt(int index) => index >= 0 && index < MemberIds.Length ? MemberIds[index] : null;

    /// <summary>
    /// The network for this decision: the cooperative's default and topic layers, overlaid by the decision's own
    /// delegations and its direct ballots, both keyed by member id.
    /// </summary>
    public DelegationNetwork BuildNetwork(
        int[] defaultLayer,
        int[]? topicLayer,
        IEnumerable<KeyValuePair<string, string?>> decisionDelegations,
        IEnumerable<KeyValuePair<string, Choice>> ballots)
    {
        var count = MemberIds.Length;
        var direct = new Choice?[count];
        foreach (var (memberId, choice) in ballots)
        {
            var index = IndexOfEligible(memberId);
            if (index >= 0)
            {
                direct[index] = choice;
            }
        }

        var proposalLayer = new Dictionary<int, int>();
        foreach (var (memberId, delegateId) in decisionDelegations)
        {
            var index = IndexOfEligible(memberId);
            if (index < 0)
            {
                continue;
            }

            proposalLayer[index] = delegateId is null ? DelegationEntry.Blocked : IndexOfMember(delegateId);
        }

        return new DelegationNetwork(Eligible, direct, Fit(defaultLayer, count), topicLayer is null ? null : Fit(topicLayer, count), proposalLayer);
    }

    /// <summary>The membership a decision means by this id: the eligible one, else the latest; -1 for an id never on the roster.</summary>
    public int MembershipOf(string memberId)
    {
        var index = IndexOfEligible(memberId);
        return index >= 0 ? index : _latestIndexById.GetValueOrDefault(memberId, -1);
    }

    /// <summary>An unknown id maps past the end, where chains break.</summary>
    private int IndexOfMember(string memberId) => MembershipOf(memberId) is var index and >= 0 ? index : int.MaxValue;

    /// <summary>Layers may cover members who joined after the roster was fixed; those are ineligible anyway.</summary>
    private static int[] Fit(int[] layer, int count)
    {
        if (layer.Length == count)
        {
            return layer;
        }

        var fitted = DelegationEntry.EmptyLayer(count);
        Array.Copy(layer, fitted, Math.Min(layer.Length, count));
        return fitted;
    }
}
