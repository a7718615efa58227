namespace Governance.Contracts.Cooperatives;

[GenerateSerializer, Immutable]
[Alias("Governance.CooperativeView")]
public sealed record CooperativeView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Topics,
    [property: Id(3)] double Quorum,
    [property: Id(4)] double Threshold,
    [property: Id(5)] int MemberCount,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] CooperativeSettingsView Settings);
