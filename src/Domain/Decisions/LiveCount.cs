using Governance.Domain.Voting;

namespace Governance.Domain.Decisions;

/// <summary>
/// An open decision's count kept live, so that a read costs nothing and a change costs the chains it touches: the
/// cooperative's entry for each roster index, followed change by change, and the decision's own delegations and
/// ballots, over a <see cref="LiveNetwork"/>. It keeps nothing per member but indices and flags; ids are known only
/// for the members the decision has heard of (voters, delegators, delegates), each mapped once to the roster index
/// the decision means by it (see <see cref="EligibleRoster.MembershipOf"/>).
/// </summary>
public sealed class LiveCount
{
    /// <summary>Where an id the cooperative never had points: past the roster, where chains break.</summary>
    private const int Unknown = int.MaxValue;

    private readonly LiveNetwork _network;
    private readonly bool[]? _atTopic;
    private readonly Dictionary<string, int> _memberships;

    private LiveCount(LiveNetwork network, bool[]? atTopic, Dictionary<string, int> memberships, long version)
    {
        _network = network;
        _atTopic = atTopic;
        _memberships = memberships;
        Version = version;
    }

    /// <summary>The cooperative's delegation version this count has followed up to.</summary>
    public long Version { get; private set; }

    public TallyCounts Counts => _network.Tally.Counts;

    public int EligibleCount => _network.Tally.EligibleCount;

    /// <summary>
    /// Resolves every member once, O(members + delegations), from the cooperative's entries by index (<paramref name="atTopic"/> says
    /// which are the topic's, null without a topic) and the decision's ballots and delegations, whose ids
    /// <paramref name="memberships"/> maps to roster indices (-1 for an id never on the roster).
    /// </summary>
    public static LiveCount Start(
        bool[] eligible,
        int[] entries,
        bool[]? atTopic,
        long version,
        IReadOnlyDictionary<string, int> memberships,
        IEnumerable<KeyValuePair<string, Choice>> ballots,
        IEnumerable<KeyValuePair<string, string?>> delegations)
    {
        var known = new Dictionary<string, int>(memberships.Count, StringComparer.Ordinal);
        foreach (var (memberId, index) in memberships)
        {
            known[memberId] = index < 0 ? Unknown : index;
        }

        var direct = new Choice?[eligible.Length];
        foreach (var (memberId, choice) in ballots)
        {
            if (IndexOfEligible(known, eligible, memberId) is var index and >= 0)
            {
                direct[index] = choice;
            }
        }

        var proposalLayer = new Dictionary<int, int>();
        foreach (var (memberId, delegateId) in delegations)
        {
            if (IndexOfEligible(known, eligible, memberId) is var index and >= 0)
            {
                proposalLayer[index] = delegateId is null ? DelegationEntry.Blocked : known.GetValueOrDefault(delegateId, Unknown);
            }
        }

        var network = new LiveNetwork(new DelegationNetwork(eligible, direct, entries, null, proposalLayer));
        // The eligibility array is not kept: the tally's flags hold it, and at a million members every open decision saves a megabyte.
        return new LiveCount(network, atTopic, known, version);
    }

    /// <summary>The ids among <paramref name="memberIds"/> this count has no roster index for yet.</summary>
    public string[] Unmapped(IEnumerable<string> memberIds) =>
        [.. memberIds.Where(memberId => !_memberships.ContainsKey(memberId)).Distinct(StringComparer.Ordinal)];

    /// <summary>Maps ids to the roster indices the cooperative gave for them (-1 for an id never on the roster).</summary>
    public void Map(IReadOnlyList<string> memberIds, IReadOnlyList<int> indices)
    {
        for (var i = 0; i < memberIds.Count; i++)
        {
            _memberships.TryAdd(memberIds[i], indices[i] < 0 ? Unknown : indices[i]);
        }
    }

    public bool IsEligible(string memberId) => IndexOfEligible(memberId) >= 0;

    /// <summary>The index of an eligible member, or -1.</summary>
    public int IndexOfEligible(string memberId) =>
        _memberships.TryGetValue(memberId, out var index) && _network.Tally.IsEligible(index) ? index : -1;

    /// <summary>
    /// Follows the cooperative: each of <paramref name="members"/> now has the entry at the same position. Changes
    /// older than those already followed are ignored, so answers that cross on the way arrive in any order.
    /// </summary>
    public void Follow(long version, IReadOnlyList<int> members, IReadOnlyList<int> entries, IReadOnlyList<bool>? atTopic)
    {
        if (version <= Version)
        {
            return;
        }

        for (var i = 0; i < members.Count; i++)
        {
            _network.SetCooperativeEntry(members[i], entries[i]);
            if (_atTopic is not null && atTopic is not null && members[i] < _atTopic.Length)
            {
                _atTopic[members[i]] = atTopic[i];
            }
        }

        Version = version;
    }

    /// <summary>Whether this count holds the membership that ended: one it maps an id it has heard of to.</summary>
    public bool Holds(int index, string memberId) => _memberships.TryGetValue(memberId, out var known) && known == index;

    public void Cast(string memberId, Choice choice) => _network.SetDirectChoice(RequireEligible(memberId), choice);

    public void Withdraw(string memberId) => _network.SetDirectChoice(RequireEligible(memberId), null);

    /// <summary>A decision-scope delegation; a null delegate blocks the cooperative's entry.</summary>
    public void Delegate(string memberId, string? delegateId)
    {
        if (IndexOfEligible(memberId) is var index and >= 0)
        {
            _network.SetProposalEntry(index, delegateId is null ? DelegationEntry.Blocked : _memberships[delegateId]);
        }
    }

    public void ClearDelegation(string memberId)
    {
        if (IndexOfEligible(memberId) is var index and >= 0)
        {
            _network.SetProposalEntry(index, DelegationEntry.None);
        }
    }

    /// <summary>
    /// The member left; see <see cref="LiveNetwork.RemoveMember"/>. Eligible or not, delegations to them end; a member
    /// this count never heard of holds nothing in it.
    /// </summary>
    public void Leave(string memberId)
    {
        if (_memberships.TryGetValue(memberId, out var index) && index != Unknown)
        {
            _network.RemoveMember(index);
        }
    }

    /// <summary>How many eligible members the ballot of an eligible member carries, itself included.</summary>
    public int WeightOf(string memberId) => _network.Tally.CarriedWeight(RequireEligible(memberId));

    /// <summary>Follows one eligible member's chain hop by hop, as <see cref="LiquidResolver.Trace"/> does over the whole network. O(chain length).</summary>
    public VoteTrace Trace(int member)
    {
        var hops = new List<TraceHop>();
        var seen = new HashSet<int>();
        var current = member;
        while (true)
        {
            if (!_network.Tally.IsEligible(current))
            {
                return VoteTrace.LostAt(hops, LossReason.IneligibleOnChain, current);
            }

            if (!seen.Add(current))
            {
                return VoteTrace.LostAt(hops, LossReason.Cycle, current);
            }

            if (_network.Tally.DirectChoiceOf(current) is { } choice)
            {
                return VoteTrace.CarriedBy(hops, current, choice);
            }

            var (next, scope) = EffectiveDelegate(current);
            if (next < 0)
            {
                return VoteTrace.LostAt(hops, LossReason.NoDirectVoter, current);
            }

            hops.Add(new TraceHop(current, next, scope));
            current = next;
        }
    }

    private (int Delegate, DelegationScope Scope) EffectiveDelegate(int member)
    {
        var atProposal = _network.ProposalEntryOf(member);
        if (atProposal != DelegationEntry.None)
        {
            return (Math.Max(atProposal, -1), DelegationScope.Proposal);
        }

        var scope = _atTopic?[member] == true ? DelegationScope.Topic : DelegationScope.Default;
        return (_network.CooperativeDelegateOf(member), scope);
    }

    private int RequireEligible(string memberId) =>
        IndexOfEligible(memberId) is var index and >= 0
            ? index
            : throw new InvalidOperationException($"'{memberId}' is not an eligible member this count has mapped.");

    private static int IndexOfEligible(Dictionary<string, int> memberships, bool[] eligible, string memberId) =>
        memberships.TryGetValue(memberId, out var index) && index < eligible.Length && eligible[index] ? index : -1;
}
