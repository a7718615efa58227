namespace Governance.Contracts.Cooperatives;

/// <summary>A new cooperative; the founder becomes its first member, as admin.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.CreateCooperativeCommand")]
public sealed record CreateCooperativeCommand(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string>? Topics,
    [property: Id(2)] double? Quorum,
    [property: Id(3)] double? Threshold,
    [property: Id(4)] string FounderId);
