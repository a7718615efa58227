namespace Governance.Contracts.Security;

/// <summary>An app key as listed: never its secret.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.AppKeyView")]
public sealed record AppKeyView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Scopes,
    [property: Id(3)] DateTimeOffset IssuedAt,
    [property: Id(4)] string IssuedBy,
    [property: Id(5)] DateTimeOffset? RevokedAt);
