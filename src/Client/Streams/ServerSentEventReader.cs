using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Governance.Client;

/// <summary>
/// Reads a text/event-stream as it arrives, one message per blank-line-ended block. Comment lines (": ...", which the
/// API sends as heartbeats) and retry: fields are not messages and are skipped. Parsing follows the HTML standard's
/// rules, through System.Net.ServerSentEvents.
/// </summary>
public static class ServerSentEventReader
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Every message, with its data as text.</summary>
    public static IAsyncEnumerable<ServerSentEvent<string>> ReadAsync(Stream stream, CancellationToken cancellationToken = default) =>
        ReadAsync(SseParser.Create(stream, (_, data) => Encoding.UTF8.GetString(data)), cancellationToken);

    /// <summary>Every message, with its data read as JSON.</summary>
    /// <exception cref="JsonException">A message's data is not JSON of <typeparamref name="T"/>.</exception>
    public static IAsyncEnumerable<ServerSentEvent<T>> ReadJsonAsync<T>(
        Stream stream, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default) =>
        ReadAsync(
            SseParser.Create(stream, (eventType, data) => JsonSerializer.Deserialize<T>(data, options ?? Web)
                ?? throw new JsonException($"A '{eventType}' message's data is null.")),
            cancellationToken);

    private static async IAsyncEnumerable<ServerSentEvent<T>> ReadAsync<T>(SseParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            // The id in force, as the HTML standard's lastEventId: a message without an id: field keeps the one before.
            yield return new ServerSentEvent<T>(item.EventType, parser.LastEventId is { Length: > 0 } id ? id : null, item.Data);
        }
    }
}
