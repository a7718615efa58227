using System.Security.Cryptography;

namespace Governance.Grains.Webhooks;

/// <summary>
/// A webhook signing secret in the Standard Webhooks form: "whsec_" followed by the base64 of the key. Secrets made
/// here carry 32 random bytes; parsing accepts the 24 to 64 bytes the spec allows, so a receiver's secret from
/// another sender reads too.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    private const int GeneratedKeyBytes = 32;
    private const int MinimumKeyBytes = 24;
    private const int MaximumKeyBytes = 64;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

    /// <summary>The HMAC key a secret stands for.</summary>
    /// <exception cref="FormatException">The secret lacks the prefix, is not base64, or its key is too short or too long. The message never repeats the secret.</exception>
    public static byte[] ParseKey(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"A webhook secret starts with '{Prefix}'.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(secret[Prefix.Length..]);
        }
        catch (FormatException)
        {
            throw new FormatException($"A webhook secret is '{Prefix}' followed by base64, and this one's remainder is not base64.");
        }

        if (key.Length is < MinimumKeyBytes or > MaximumKeyBytes)
        {
            throw new FormatException($"A webhook secret's key has {MinimumKeyBytes} to {MaximumKeyBytes} bytes; this one has {key.Length}.");
        }

        return key;
    }
}
