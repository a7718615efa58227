namespace Governance.Contracts.Security;

/// <summary>A key just issued, with the secret the app presents. This is the only time the secret is shown.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.IssuedAppKey")]
public sealed record IssuedAppKey([property: Id(0)] AppKeyView Key, [property: Id(1)] string Secret);
