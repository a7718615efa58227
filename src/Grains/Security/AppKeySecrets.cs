using System.Security.Cryptography;
using System.Text;

namespace Governance.Grains.Security;

/// <summary>
/// App key ids and secrets. A secret carries 256 random bits, so one SHA-256 is enough to store it safely:
/// nothing can be guessed from the hash, and verifying stays cheap enough to do on every request.
/// </summary>
public static class AppKeySecrets
{
    public static string NewKeyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time, so response timing reveals nothing about the stored hash.</summary>
    public static bool Matches(string secret, string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(secretHash));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
