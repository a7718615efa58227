namespace Governance.Domain.Security;

/// <summary>
/// A key a cooperative's admins issued to a third-party app. Only the hash of its secret is kept: the secret is shown
/// once, when the key is issued.
/// </summary>
public sealed record AppKey(
    string KeyId,
    string Name,
    IReadOnlyList<string> Scopes,
    string SecretHash,
    DateTimeOffset IssuedAt,
    string IssuedBy,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsActive => RevokedAt is null;

    public bool Allows(string scope) => IsActive && Scopes.Contains(scope, StringComparer.Ordinal);
}
