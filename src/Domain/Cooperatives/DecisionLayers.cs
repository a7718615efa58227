namespace Governance.Domain.Cooperatives;

/// <summary>
/// What a decision fixed at one roster version counts over, by roster index up to the members who had joined then:
/// who was a member, each index's entry for the decision's topic (see <see cref="Voting.DelegationEntry"/>; the
/// topic's unless it has none, then the default's), whether that entry is the topic's (null without a topic), and
/// the memberships that have ended. Versioned by the cooperative's delegation version.
/// </summary>
public sealed record DecisionLayerBase(long Version, bool[] Eligible, int[] Entries, bool[]? AtTopic, IReadOnlyList<DepartedMembership> Departed);

/// <summary>The entries that changed since a version a decision knew, member by member, and the memberships ended since.</summary>
public sealed record DecisionLayerChanges(long Version, int[] Members, int[] Entries, bool[]? AtTopic, IReadOnlyList<DepartedMembership> Departed);

public readonly record struct DepartedMembership(int Index, string MemberId);
