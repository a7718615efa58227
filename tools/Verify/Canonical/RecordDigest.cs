using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Governance.Verify.Canonical;

/// <summary>The record's digest: "sha256:" and the lowercase hex SHA-256 of the UTF-8 canonical form of the record without its "digest".</summary>
public static class RecordDigest
{
    private static readonly HashSet<string> Omitted = new(StringComparer.Ordinal) { "digest" };

    public static string Of(JsonElement record)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(record)));
        return "sha256:" + Convert.ToHexString(hash).ToLowerInvariant();
    }

    public static string CanonicalForm(JsonElement record) => CanonicalJson.Of(record, Omitted);
}
