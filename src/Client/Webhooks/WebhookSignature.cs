using System.Collections.Specialized;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Governance.Client;

/// <summary>
/// Checks a webhook delivery per Standard Webhooks, as the API signs it: webhook-signature holds one or more
/// space-separated "v1,{base64}" signatures, each the HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}" under
/// a secret's key (the base64 after "whsec_"). During a secret's rotation the API sends one signature per valid
/// secret, so either secret verifies. Every candidate is compared in constant time.
/// </summary>
/// <example>
/// In an ASP.NET Core handler, with the raw body as bytes:
/// <code>if (!WebhookSignature.Verify(secret, request.Headers, body).IsValid) return Results.Unauthorized();</code>
/// </example>
public static class WebhookSignature
{
    /// <summary>The event's id, the same on every retry: drop repeats by it.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>When the delivery was signed, in Unix seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>One signature per valid secret, separated by spaces.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>How a webhook secret begins; the API shows it when the webhook is registered or its secret rotated.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>How far the timestamp may stray from the receiver's clock, either way; older deliveries are refused as replays.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string VersionPrefix = "v1,";
    private const int HashBytes = 32;

    /// <summary>Checks a delivery against the current time; <paramref name="headers"/> as ASP.NET Core's request.Headers or an HttpHeaders.</summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is not "whsec_" and base64.</exception>
    public static WebhookVerification Verify<TValues>(string secret, IEnumerable<KeyValuePair<string, TValues>> headers, ReadOnlySpan<byte> body)
        where TValues : IEnumerable<string?> =>
        Verify(secret, headers, body, DateTimeOffset.UtcNow);

    /// <summary>Checks a delivery against <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is not "whsec_" and base64.</exception>
    public static WebhookVerification Verify<TValues>(
        string secret, IEnumerable<KeyValuePair<string, TValues>> headers, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
        where TValues : IEnumerable<string?>
    {
        ArgumentNullException.ThrowIfNull(headers);
        var named = headers
            .Where(header => IsOneOfOurs(header.Key))
            .SelectMany(header => header.Value.Select(value => (Name: header.Key, Value: value)))
            .ToLookup(header => header.Name, header => header.Value, StringComparer.OrdinalIgnoreCase);
        return Verify(secret, named[IdHeader].ToList(), named[TimestampHeader].ToList(), named[SignatureHeader].ToList(), body, now, tolerance);
    }

    /// <summary>Checks a delivery against the current time; <paramref name="headers"/> as HttpListener's request.Headers.</summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is not "whsec_" and base64.</exception>
    public static WebhookVerification Verify(string secret, NameValueCollection headers, ReadOnlySpan<byte> body) =>
        Verify(secret, headers, body, DateTimeOffset.UtcNow);

    /// <summary>Checks a delivery against <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is not "whsec_" and base64.</exception>
    public static WebhookVerification Verify(string secret, NameValueCollection headers, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Verify(
            secret,
            headers.GetValues(IdHeader) ?? [],
            headers.GetValues(TimestampHeader) ?? [],
            headers.GetValues(SignatureHeader) ?? [],
            body,
            now,
            tolerance);
    }

    /// <summary>Checks a delivery from its three header values, against <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is not "whsec_" and base64.</exception>
    public static WebhookVerification Verify(
        string secret, string? messageId, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Verify(secret, Values(messageId), Values(timestamp), Values(signatures), body, now, tolerance);

    private static WebhookVerification Verify(
        string secret,
        IReadOnlyList<string?> messageIds,
        IReadOnlyList<string?> timestamps,
        IReadOnlyList<string?> signatureHeaders,
        ReadOnlySpan<byte> body,
        DateTimeOffset now,
        TimeSpan? tolerance)
    {
        var key = ParseKey(secret);
        if (Single(messageIds, IdHeader, out var missing) is not { } messageId)
        {
            return missing!;
        }

        if (Single(timestamps, TimestampHeader, out missing) is not { } timestampText)
        {
            return missing!;
        }

        var signatures = signatureHeaders
            .SelectMany(header => (header ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (signatures.Count == 0)
        {
            return WebhookVerification.Failed(WebhookVerificationFailure.MissingHeader, $"The {SignatureHeader} header is missing or empty.");
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return WebhookVerification.Failed(
                WebhookVerificationFailure.MalformedTimestamp, $"The {TimestampHeader} header is not a whole number of Unix seconds.");
        }

        var allowed = tolerance ?? DefaultTolerance;
        var offset = (decimal)timestamp - now.ToUnixTimeSeconds();
        if (Math.Abs(offset) > (decimal)allowed.TotalSeconds)
        {
            return WebhookVerification.Failed(
                WebhookVerificationFailure.TimestampOutOfTolerance,
                $"The {TimestampHeader} is {Math.Abs(offset)} s {(offset < 0 ? "before" : "after")} now, beyond the tolerance of {allowed.TotalSeconds} s: a replay of an old delivery, or a clock that is off.");
        }

        var expected = Hash(key, messageId, timestampText, body);
        Span<byte> candidate = stackalloc byte[HashBytes];
        var matched = false;
        foreach (var signature in signatures)
        {
            // Every candidate is checked, matched or not, so the time taken says nothing about which one matched.
            matched |= signature.StartsWith(VersionPrefix, StringComparison.Ordinal)
                && Convert.TryFromBase64String(signature[VersionPrefix.Length..], candidate, out var written)
                && written == HashBytes
                && CryptographicOperations.FixedTimeEquals(candidate, expected);
        }

        return matched
            ? WebhookVerification.Valid
            : WebhookVerification.Failed(
                WebhookVerificationFailure.NoMatchingSignature,
                $"None of the {signatures.Count} signature(s) in {SignatureHeader} matches the body under this secret: the delivery was altered, not sent by the API, or signed with another secret.");
    }

    private static string? Single(IReadOnlyList<string?> values, string header, out WebhookVerification? missing)
    {
        missing = values.Count switch
        {
            0 => WebhookVerification.Failed(WebhookVerificationFailure.MissingHeader, $"The {header} header is missing."),
            > 1 => WebhookVerification.Failed(WebhookVerificationFailure.MissingHeader, $"The {header} header is given {values.Count} times; a delivery has one."),
            _ when string.IsNullOrEmpty(values[0]) => WebhookVerification.Failed(WebhookVerificationFailure.MissingHeader, $"The {header} header is empty."),
            _ => null,
        };
        return missing is null ? values[0] : null;
    }

    private static bool IsOneOfOurs(string name) =>
        string.Equals(name, IdHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, TimestampHeader, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, SignatureHeader, StringComparison.OrdinalIgnoreCase);

    private static string?[] Values(string? header) => header is null ? [] : [header];

    private static byte[] ParseKey(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A webhook secret starts with '{SecretPrefix}'.", nameof(secret));
        }

        try
        {
            return Convert.FromBase64String(secret[SecretPrefix.Length..]);
        }
        catch (FormatException)
        {
            // The message never repeats the secret.
            throw new ArgumentException($"A webhook secret is '{SecretPrefix}' followed by base64; this one's remainder is not base64.", nameof(secret));
        }
    }

    /// <summary>The timestamp is signed as sent, so that the bytes hashed are the bytes the API hashed.</summary>
    private static byte[] Hash(byte[] key, string messageId, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{messageId}.{timestamp}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
