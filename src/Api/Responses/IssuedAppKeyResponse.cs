namespace Governance.Api.Responses;

/// <summary>A key just issued. <see cref="Key"/> is what the app sends in X-Api-Key; it is never shown again.</summary>
public sealed record IssuedAppKeyResponse(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset IssuedAt, string IssuedBy, string Key);
