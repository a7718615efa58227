namespace Governance.Contracts.Cooperatives;

/// <summary>
/// What an open decision counts over, by roster index up to the members who had joined when its roster was fixed:
/// who was a member then, each index's delegation entry for the decision's topic (the topic's unless it has none,
/// then the default's), whether that entry is the topic's (null without a topic), and the memberships that have
/// ended. Sent once when a decision starts counting; after that it follows <see cref="LayerChangesView"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionLayersView")]
public sealed record DecisionLayersView(
    [property: Id(0)] long Version,
    [property: Id(1)] bool[] Eligible,
    [property: Id(2)] int[] Entries,
    [property: Id(3)] bool[]? AtTopic,
    [property: Id(4)] IReadOnlyList<DepartedMembershipView> Departed);

/// <summary>
/// The entries that changed since the version a decision knew, member by member, and the memberships ended since.
/// <see cref="Rebase"/> says the cooperative no longer reaches back that far, and the decision asks for its layers again.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.LayerChangesView")]
public sealed record LayerChangesView(
    [property: Id(0)] long Version,
    [property: Id(1)] int[] Members,
    [property: Id(2)] int[] Entries,
    [property: Id(3)] bool[]? AtTopic,
    [property: Id(4)] IReadOnlyList<DepartedMembershipView> Departed,
    [property: Id(5)] bool Rebase = false);

[GenerateSerializer, Immutable]
[Alias("Governance.DepartedMembershipView")]
public sealed record DepartedMembershipView([property: Id(0)] int Index, [property: Id(1)] string MemberId);
