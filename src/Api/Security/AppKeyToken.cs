using Governance.Domain.Identifiers;

namespace Governance.Api.Security;

/// <summary>
/// The key string an app presents: "gk.{cooperativeId}.{keyId}.{secret}". It names its cooperative, so it is checked
/// there and nowhere else. Key ids are hex and secrets base64url, so neither holds a dot and splitting from the right is exact.
/// </summary>
public static class AppKeyToken
{
    private const string Prefix = "gk.";

    public static string Format(string cooperativeId, string keyId, string secret) => $"{Prefix}{cooperativeId}.{keyId}.{secret}";

    public static bool TryParse(string? token, out string cooperativeId, out string keyId, out string secret)
    {
        cooperativeId = keyId = secret = "";
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token[Prefix.Length..];
        var secretAt = rest.LastIndexOf('.');
        var keyAt = secretAt > 0 ? rest.LastIndexOf('.', secretAt - 1) : -1;
        if (keyAt <= 0)
        {
            return false;
        }

        cooperativeId = rest[..keyAt];
        keyId = rest[(keyAt + 1)..secretAt];
        secret = rest[(secretAt + 1)..];
        return ResourceId.IsValid(cooperativeId) && ResourceId.IsValid(keyId) && secret.Length > 0;
    }
}
