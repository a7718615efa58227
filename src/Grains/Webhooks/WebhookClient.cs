using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Governance.Contracts.Feed;

namespace Governance.Grains.Webhooks;

/// <summary>
/// Sends one webhook: POSTs a CloudEvents JSON body with the Standard Webhooks headers, signed with every secret that
/// is valid now, and says how it went. A typed HttpClient over <see cref="WebhookHttpHandler"/>; see
/// <see cref="WebhookServiceCollectionExtensions.AddWebhookDelivery"/>.
/// </summary>
public sealed class WebhookClient(HttpClient http, TimeProvider time)
{
    public const string ContentType = "application/cloudevents+json";

    /// <summary>The pause between events while the silo is busy: the shortest a timer waits.</summary>
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Sends the events one after another, in order, until one is not delivered or all are; returns the attempts made.
    /// It never leaves the caller's order, so a receiver sees an event only once those before it were accepted.
    /// Cancelling stops before the next event and returns what was attempted.
    /// </summary>
    /// <param name="firstAttempt">The attempt number for the first event, which may have been tried before.</param>
    public async Task<IReadOnlyList<DeliveryAttempt>> DeliverInOrderAsync(
        Uri url,
        IReadOnlyList<FeedEntry> entries,
        int firstAttempt,
        IReadOnlyCollection<string> secrets,
        CancellationToken cancellationToken)
    {
        var attempts = new List<DeliveryAttempt>(entries.Count);
        foreach (var entry in entries)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var started = Stopwatch.GetTimestamp();
            DeliveryOutcome outcome;
            try
            {
                outcome = await DeliverAsync(url, entry.Id, Encoding.UTF8.GetBytes(entry.Event), secrets, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var number = attempts.Count == 0 ? firstAttempt : 1;
            attempts.Add(new DeliveryAttempt(entry, number, time.GetUtcNow(), (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome));
            if (outcome.Status != DeliveryStatus.Delivered)
            {
                break;
            }

            // Delivery is background work: while the silo has work waiting for a thread, it pauses between events,
            // so an endpoint that is behind gives way to members' requests; an idle silo sends at full speed.
            if (ThreadPool.PendingWorkItemCount > 0)
            {
                await Task.Delay(BusyPause, CancellationToken.None).ConfigureAwait(false);
            }
        }

        return attempts;
    }

    /// <summary>
    /// Never throws for what the receiver or the network did: those are outcomes. Throws when
    /// <paramref name="cancellationToken"/> is cancelled, since a delivery the caller abandoned has no outcome.
    /// </summary>
    /// <param name="messageId">The same on every attempt at one event, so receivers can drop repeats.</param>
    /// <param name="secrets">The current secret, and during a rotation the previous one too.</param>
    public async Task<DeliveryOutcome> DeliverAsync(
        Uri url,
        string messageId,
        ReadOnlyMemory<byte> body,
        IReadOnlyCollection<string> secrets,
        CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            // HTTP/3 would connect over QUIC, past the handler's address check.
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = new ReadOnlyMemoryContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType) { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.IdHeader, messageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(secrets, messageId, timestamp, body.Span));

        try
        {
            // Only the status and headers matter; the body is never read, so a huge one costs nothing.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return DeliveryOutcome.FromResponse(response, time.GetUtcNow());
        }
        catch (Exception failure) when ((failure is HttpRequestException or OperationCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.FromException(failure);
        }
    }
}
