using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Governance.Client;

/// <summary>
/// The API's server-sent event streams, each message read as it arrives. The streams are not in the generated part:
/// each is read as it arrives rather than answered at once. To resume after a dropped connection, pass the Id of the
/// last message read as <c>lastEventId</c>; the API sends it as Last-Event-ID and goes on from there.
/// </summary>
public partial class GovernanceClient
{
    private const string EventStream = "text/event-stream";

    /// <summary>The proposal's tally, at once and after every change: event "tally", data a <see cref="TallyView"/>.</summary>
    public IAsyncEnumerable<ServerSentEvent<TallyView>> StreamTallyAsync(
        string cooperativeId, string proposalId, string? lastEventId = null, CancellationToken cancellationToken = default) =>
        StreamAsync<TallyView>($"v1/cooperatives/{Segment(cooperativeId)}/proposals/{Segment(proposalId)}/tally/stream", lastEventId, cancellationToken);

    /// <summary>The poll's result, at once and after every change: event "result", data a <see cref="PriorityResultView"/>.</summary>
    public IAsyncEnumerable<ServerSentEvent<PriorityResultView>> StreamPriorityPollResultAsync(
        string cooperativeId, string pollId, string? lastEventId = null, CancellationToken cancellationToken = default) =>
        StreamAsync<PriorityResultView>($"v1/cooperatives/{Segment(cooperativeId)}/priorities/{Segment(pollId)}/result/stream", lastEventId, cancellationToken);

    /// <summary>
    /// The cooperative's feed as it grows: event the CloudEvent's type, id its feed cursor, data the <see cref="CloudEvent"/>.
    /// A message's Id may also be passed as <c>after</c> to <see cref="ListEventsAsync(string, string?, int?, string?, CancellationToken)"/>.
    /// </summary>
    public IAsyncEnumerable<ServerSentEvent<CloudEvent>> StreamEventsAsync(
        string cooperativeId, string? lastEventId = null, CancellationToken cancellationToken = default) =>
        StreamAsync<CloudEvent>($"v1/cooperatives/{Segment(cooperativeId)}/events/stream", lastEventId, cancellationToken);

    private async IAsyncEnumerable<ServerSentEvent<T>> StreamAsync<T>(
        string path, string? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(EventStream));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        // Headers only: the body is read as it arrives, and the client's timeout ends with the headers.
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await FailureAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var message in ServerSentEventReader.ReadJsonAsync<T>(stream, JsonSerializerSettings, cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
    }

    /// <summary>The same exception the generated methods throw: with the problem details when the body has them.</summary>
    private async Task<GovernanceApiException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(header => header.Key, header => header.Value);
        var status = (int)response.StatusCode;
        var message = $"The stream was refused with {status}.";
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            try
            {
                if (JsonSerializer.Deserialize<ProblemDetails>(text, JsonSerializerSettings) is { } problem)
                {
                    return new GovernanceApiException<ProblemDetails>(message, status, text, headers, problem, null);
                }
            }
            catch (JsonException exception)
            {
                return new GovernanceApiException(message, status, text, headers, exception);
            }
        }

        return new GovernanceApiException(message, status, text, headers, null);
    }

    private static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }
}
