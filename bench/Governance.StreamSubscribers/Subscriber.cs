using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Governance.StreamSubscribers;

/// <summary>
/// One tally stream on a connection of its own: every message's arrival time, id and counts, and whether the
/// server ended the stream after the last one.
/// </summary>
internal sealed class Subscriber
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly TaskCompletionSource _firstMessage = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Arrival> _arrivals = [];

    /// <summary>Completes with the first message, the current result, which the server sends as the stream opens.</summary>
    public Task FirstMessage => _firstMessage.Task;

    /// <summary>Read only once <see cref="RunAsync"/> has completed: until then the stream adds to it.</summary>
    public IReadOnlyList<Arrival> Arrivals => _arrivals;

    /// <summary>When the server ended the stream (a Stopwatch timestamp); null while it is open or if it broke.</summary>
    public long? EndedAt { get; private set; }

    public string? Failure { get; private set; }

    /// <summary>Reads the stream until the server ends it; <paramref name="opening"/> bounds how many connect at once.</summary>
    public async Task RunAsync(HttpClient http, Uri stream, SemaphoreSlim opening, CancellationToken cancellationToken)
    {
        try
        {
            HttpResponseMessage response;
            await opening.WaitAsync(cancellationToken);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, stream);
                request.Headers.Accept.ParseAdd("text/event-stream");
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            finally
            {
                opening.Release();
            }

            using (response)
            {
                response.EnsureSuccessStatusCode();
                var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await using (body)
                {
                    var parser = SseParser.Create(body, (_, data) => JsonSerializer.Deserialize<TallyMessage>(data, Web)!);
                    await foreach (var item in parser.EnumerateAsync(cancellationToken))
                    {
                        _arrivals.Add(new Arrival(Stopwatch.GetTimestamp(), parser.LastEventId, item.Data.Counts.Yes, item.Data.Status != "voting"));
                        _firstMessage.TrySetResult();
                    }
                }
            }

            EndedAt = Stopwatch.GetTimestamp();
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or JsonException or OperationCanceledException)
        {
            Failure = exception.Message;
        }
        finally
        {
            _firstMessage.TrySetResult();
        }
    }
}
