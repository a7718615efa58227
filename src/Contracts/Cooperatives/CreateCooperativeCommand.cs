namespace Governance.Contracts.Cooperatives;

[GenerateSerializer, Immutable]
[Alias("Governance.CreateCooperativeCommand")]
public sealed record CreateCooperativeCommand(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<string>? Topics,
    [property: Id(2)] double? Quorum,
    [property: Id(3)] double? Threshold);
