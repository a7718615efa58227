using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>One message of a text/event-stream as a client reads it; a comment (a heartbeat) has only <see cref="Comment"/>.</summary>
public sealed record StreamMessage(string? Event, string? Id, string Data, string? Comment = null)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;
}

/// <summary>
/// A text/event-stream response read line by line as the format says, in the background, so that a test can wait
/// for the next message with a deadline and see the end of the stream.
/// </summary>
public sealed class EventStream : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly Channel<StreamMessage> _messages = Channel.CreateUnbounded<StreamMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    public EventStream(HttpResponseMessage response)
    {
        Response = response;
        _reading = response.IsSuccessStatusCode ? Task.Run(ReadAsync) : Task.CompletedTask;
    }

    public HttpResponseMessage Response { get; }

    /// <summary>The next message, comments included; null when the stream ended. None within the time is a failure.</summary>
    public async Task<StreamMessage?> NextAsync(TimeSpan? within = null)
    {
        var patience = within ?? Patience;
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            return await _messages.Reader.WaitToReadAsync(timeout.Token) && _messages.Reader.TryRead(out var message) ? message : null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No message came within {patience}.");
        }
    }

    /// <summary>True when no event came for <paramref name="period"/> and the stream is still open.</summary>
    public async Task<bool> QuietFor(TimeSpan period)
    {
        using var timeout = new CancellationTokenSource(period);
        try
        {
            while (await _messages.Reader.WaitToReadAsync(timeout.Token))
            {
                if (_messages.Reader.TryRead(out var message) && message.Comment is null)
                {
                    return false;
                }
            }

            return false;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return true;
        }
    }

    /// <summary>The next message that is an event, skipping heartbeats; null when the stream ended.</summary>
    public async Task<StreamMessage?> NextEventAsync(TimeSpan? within = null)
    {
        // One deadline for the whole wait: heartbeats keep coming, and must not extend it.
        var deadline = DateTime.UtcNow + (within ?? Patience);
        while (await NextAsync(Max(deadline - DateTime.UtcNow, TimeSpan.Zero)) is { } message)
        {
            if (message.Comment is null)
            {
                return message;
            }
        }

        return null;
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Response.Dispose();
        await _reading.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await Response.Content.ReadAsStreamAsync(_stop.Token), Encoding.UTF8);
            string? type = null, id = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0)
                    {
                        _messages.Writer.TryWrite(new StreamMessage(type, id, string.Join('\n', data)));
                    }

                    (type, id) = (null, null);
                    data.Clear();
                }
                else if (line.StartsWith(':'))
                {
                    _messages.Writer.TryWrite(new StreamMessage(null, null, "", line[1..].Trim()));
                }
                else
                {
                    var colon = line.IndexOf(':');
                    var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
                    switch (field)
                    {
                        case "event": type = value; break;
                        case "id": id = value; break;
                        case "data": data.Add(value); break;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or HttpRequestException)
        {
            // Disposed, or the server ended the stream.
        }
        finally
        {
            _messages.Writer.TryComplete();
        }
    }
}
