namespace Governance.Contracts.Security;

/// <summary>What a verified app key may do in its cooperative.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.AppKeyGrant")]
public sealed record AppKeyGrant([property: Id(0)] string KeyId, [property: Id(1)] IReadOnlyList<string> Scopes);
