using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Grains.Webhooks;

/// <summary>
/// Standard Webhooks signatures. One signature is "v1," and the base64 HMAC-SHA256, under one secret's key, of
/// "{message id}.{timestamp}.{body}", the timestamp in Unix seconds. The webhook-signature header carries one
/// signature per valid secret, separated by spaces, so receivers keep verifying while a secret is rotated.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>How far a receiver lets a timestamp stray from its clock, either way; older requests are replays.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string VersionPrefix = "v1,";
    private const int HashBytes = 32;

    /// <summary>One signature, "v1,{base64}".</summary>
    /// <param name="timestamp">Unix seconds, exactly as sent in the webhook-timestamp header.</param>
    /// <exception cref="ArgumentException">The message id is empty or holds a '.', which would let one signed text be read as another.</exception>
    public static string Sign(string secret, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(messageId) || messageId.Contains('.'))
        {
            throw new ArgumentException("A webhook message id is not empty and has no '.'.", nameof(messageId));
        }

        return VersionPrefix + Convert.ToBase64String(Hash(WebhookSecret.ParseKey(secret), messageId, timestamp, body));
    }

    /// <summary>The webhook-signature header value: one signature per secret, in the order given, separated by single spaces.</summary>
    public static string Header(IEnumerable<string> secrets, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        var signatures = new List<string>();
        foreach (var secret in secrets)
        {
            signatures.Add(Sign(secret, messageId, timestamp, body));
        }

        if (signatures.Count == 0)
        {
            throw new ArgumentException("A webhook is signed with at least one secret.", nameof(secrets));
        }

        return string.Join(' ', signatures);
    }

    /// <summary>
    /// A receiver's check: some "v1," signature in the header matches the body under the secret, and the timestamp lies
    /// within the tolerance of now. Signatures of other schemes are skipped; every candidate is compared in constant time.
    /// A malformed secret throws <see cref="FormatException"/>, as in <see cref="WebhookSecret.ParseKey"/>.
    /// </summary>
    public static bool Verify(
        string secret,
        string messageId,
        string timestampHeader,
        string signatureHeader,
        ReadOnlySpan<byte> body,
        DateTimeOffset now,
        TimeSpan? tolerance = null)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (tolerance ?? DefaultTolerance).TotalSeconds)
        {
            return false;
        }

        var expected = Hash(WebhookSecret.ParseKey(secret), messageId, timestamp, body);
        Span<byte> candidate = stackalloc byte[HashBytes];
        var matched = false;
        foreach (var signature in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            matched |= signature.StartsWith(VersionPrefix, StringComparison.Ordinal)
                && Convert.TryFromBase64String(signature[VersionPrefix.Length..], candidate, out var written)
                && written == HashBytes
                && CryptographicOperations.FixedTimeEquals(candidate, expected);
        }

        return matched;
    }

    private static byte[] Hash(byte[] key, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.")));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
