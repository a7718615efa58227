namespace Governance.Contracts.Cooperatives;

/// <summary>
/// What a proposal needs from its cooperative to resolve every eligible member at once: the roster by dense index,
/// who was a member when voting opened, and the default and topic delegation layers. Versioned so that proposals
/// refetch only after a change. <see cref="CurrentMemberships"/> tells, by index, whose membership still holds, so
/// that a decision can end the part of those who left.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionSnapshot")]
public sealed record DecisionSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] string[] MemberIds,
    [property: Id(2)] bool[] Eligible,
    [property: Id(3)] int[] DefaultLayer,
    [property: Id(4)] int[]? TopicLayer,
    [property: Id(5)] bool[] CurrentMemberships);
