namespace Governance.Domain.Voting;

/// <summary>
/// A decision's delegation scopes kept live over its <see cref="LiveTally"/>. The decision holds two: the
/// cooperative's entry for each member, which the cooperative combines from the decision's topic layer over its
/// default layer (<see cref="DelegationEntry.Prevailing"/>) and sends whenever it changes, and the decision's own
/// proposal-scope entries. As in <see cref="DelegationNetwork"/>, a proposal entry wins and a proposal block stops the
/// cooperative's entry. A change at either scope recomputes that one member's delegate, which the tally acts on only
/// when it changed.
/// </summary>
/// <remarks>
/// Unless a proposal entry hides it, the cooperative's entry is the member's delegate in the tally, so it is not kept
/// a second time: only the cooperative entries that proposal entries hide are kept, beside those entries. The scopes
/// add nothing per member to the tally's nine bytes, and O(proposal entries) in all.
/// </remarks>
public sealed class LiveNetwork
{
    private readonly Dictionary<int, ProposalEntry> _proposalEntries = [];

    /// <summary>Resolves the network once, in O(members + delegations).</summary>
    public LiveNetwork(DelegationNetwork network)
    {
        Tally = new LiveTally(network);
        foreach (var (member, entry) in network.ProposalLayer)
        {
            if (entry != DelegationEntry.None && member < network.MemberCount)
            {
                _proposalEntries[member] = new ProposalEntry(entry, network.CooperativeDelegate(member));
            }
        }
    }

    public LiveTally Tally { get; }

    /// <summary>The decision's own entry for the member: a delegate, <see cref="DelegationEntry.Blocked"/>, or <see cref="DelegationEntry.None"/>.</summary>
    public int ProposalEntryOf(int member) =>
        _proposalEntries.TryGetValue(member, out var atProposal) ? atProposal.Entry : DelegationEntry.None;

    /// <summary>The delegate the cooperative's entry gives the member, whether or not a proposal entry hides it; -1 when none.</summary>
    public int CooperativeDelegateOf(int member) =>
        _proposalEntries.TryGetValue(member, out var atProposal) ? atProposal.CooperativeDelegate : Tally.DelegateOf(member);

    /// <summary>
    /// The cooperative's combined entry for the member is now <paramref name="entry"/>: a delegate,
    /// <see cref="DelegationEntry.None"/> or <see cref="DelegationEntry.Blocked"/>. Members past the roster joined
    /// after it was fixed and take no part. O(chain length) when the member's delegate changes, else O(1).
    /// </summary>
    public void SetCooperativeEntry(int member, int entry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(member);
        if (member >= Tally.MemberCount)
        {
            return;
        }

        if (_proposalEntries.TryGetValue(member, out var atProposal))
        {
            _proposalEntries[member] = atProposal with { CooperativeDelegate = DelegateOf(entry) };
            return;
        }

        Tally.SetDelegate(member, DelegateOf(entry));
    }

    /// <summary>
    /// The decision's own entry for the member is now <paramref name="entry"/>; <see cref="DelegationEntry.None"/>
    /// clears it, so the cooperative's entry applies again. O(chain length).
    /// </summary>
    public void SetProposalEntry(int member, int entry)
    {
        var cooperative = _proposalEntries.Remove(member, out var former) ? former.CooperativeDelegate : Tally.DelegateOf(member);
        if (entry != DelegationEntry.None)
        {
            _proposalEntries[member] = new ProposalEntry(entry, cooperative);
        }

        Tally.SetDelegate(member, entry == DelegationEntry.None ? cooperative : DelegateOf(entry));
    }

    /// <summary>Casts, changes or (with null) withdraws the member's direct ballot. O(chain length).</summary>
    public void SetDirectChoice(int member, Choice? choice) => Tally.SetDirectChoice(member, choice);

    /// <summary>
    /// The member left: as <see cref="DepartedMembers"/> says, their ballot is withdrawn and every proposal entry from
    /// or to them ends, while they stay in the eligible count. The cooperative ends their entries from and to them at
    /// its own scopes and sends the entries that changed. O(proposal entries + the chains that change).
    /// </summary>
    public void RemoveMember(int member)
    {
        Tally.SetDirectChoice(member, null);
        SetProposalEntry(member, DelegationEntry.None);
        int[] delegatingToThem = [.. _proposalEntries.Where(pair => pair.Value.Entry == member).Select(pair => pair.Key)];
        foreach (var from in delegatingToThem)
        {
            SetProposalEntry(from, DelegationEntry.None);
        }
    }

    private static int DelegateOf(int entry) => Math.Max(entry, LiveTally.NoDelegate);

    /// <summary>A proposal entry, and the cooperative's delegate for the same member, which applies again once the entry is cleared.</summary>
    private readonly record struct ProposalEntry(int Entry, int CooperativeDelegate);
}
