namespace Governance.Contracts.Members;

[GenerateSerializer, Immutable]
[Alias("Governance.MemberProfileView")]
public sealed record MemberProfileView([property: Id(0)] string Id, [property: Id(1)] string? Name, [property: Id(2)] IReadOnlyList<string> Cooperatives);
