using System.Net;

namespace Governance.Grains.Webhooks;

public enum DeliveryStatus
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Anything else: try again later, per the retry schedule.</summary>
    Failed,

    /// <summary>The receiver answered 410 Gone: it wants no more webhooks, so the endpoint is disabled.</summary>
    EndpointGone,
}

/// <summary>
/// How one delivery attempt went, classified as Standard Webhooks advises: 2xx succeeds; redirects fail and are not
/// followed; 410 disables the endpoint; 429 and 503 may name a Retry-After; any other status, a timeout or a connection
/// error fails with a short error text fit for the list of deliveries.
/// </summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, int? StatusCode, string? Error, TimeSpan? RetryAfter)
{
    /// <summary>Longer Retry-After waits are cut to this, so a receiver cannot park its deliveries for months.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    /// <summary>Error texts are cut to this length.</summary>
    public const int MaxErrorLength = 200;

    public static DeliveryOutcome FromResponse(HttpResponseMessage response, DateTimeOffset now)
    {
        var code = (int)response.StatusCode;
        var status = $"HTTP {code}{(string.IsNullOrWhiteSpace(response.ReasonPhrase) ? "" : " " + response.ReasonPhrase)}";
        return code switch
        {
            >= 200 and < 300 => new DeliveryOutcome(DeliveryStatus.Delivered, code, null, null),
            >= 300 and < 400 => Failure(code, $"{status}: redirects are not followed; register the URL it points to"),
            (int)HttpStatusCode.Gone => new DeliveryOutcome(DeliveryStatus.EndpointGone, code, Shorten($"{status}: the receiver asked for no more webhooks"), null),
            (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.ServiceUnavailable =>
                new DeliveryOutcome(DeliveryStatus.Failed, code, Shorten(status), RetryAfterOf(response, now)),
            _ => Failure(code, status),
        };
    }

    /// <summary>An attempt that ended without a response. Cancellation the caller asked for is not an outcome: rethrow it instead.</summary>
    public static DeliveryOutcome FromException(Exception exception) => exception switch
    {
        TaskCanceledException { InnerException: TimeoutException } => Failure(null, "The receiver did not answer in time"),
        OperationCanceledException => Failure(null, "The attempt was cancelled"),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } e => Failure(null, $"The host name did not resolve: {e.Message}"),
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } e => Failure(null, $"The TLS handshake failed: {(e.InnerException ?? e).Message}"),
        _ => Failure(null, exception.Message),
    };

    private static DeliveryOutcome Failure(int? code, string error) => new(DeliveryStatus.Failed, code, Shorten(error), null);

    private static string Shorten(string error) => error.Length <= MaxErrorLength ? error : error[..(MaxErrorLength - 1)] + "…";

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is not { } positive || positive <= TimeSpan.Zero)
        {
            return null;
        }

        return positive < MaxRetryAfter ? positive : MaxRetryAfter;
    }
}
