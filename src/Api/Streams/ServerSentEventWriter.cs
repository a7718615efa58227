using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Governance.Api.Streams;

/// <summary>
/// Writes a text/event-stream response, unbuffered, each message flushed as it is written. Frames are written here
/// rather than through TypedResults.ServerSentEvents, which writes events only: a stream also sends a heartbeat
/// comment while nothing happens, so that proxies and clients keep an idle connection open.
/// </summary>
public sealed class ServerSentEventWriter
{
    private static readonly byte[] Heartbeat = Encoding.UTF8.GetBytes(": heartbeat\n\n");
    private readonly HttpResponse _response;

    private ServerSentEventWriter(HttpResponse response) => _response = response;

    public const string ContentType = "text/event-stream";

    /// <summary>The header a reconnecting client names the last message it received in.</summary>
    public const string LastEventIdHeader = "Last-Event-ID";

    public static async Task<ServerSentEventWriter> StartAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = ContentType;

        // Tells nginx and its kin not to hold the stream back in a buffer.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(context.RequestAborted);
        return new ServerSentEventWriter(response);
    }

    public async Task WriteAsync(ServerSentEvent message, CancellationToken cancellationToken)
    {
        await _response.Body.WriteAsync(message.Frame, cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }

    public async Task WriteHeartbeatAsync(CancellationToken cancellationToken)
    {
        await _response.Body.WriteAsync(Heartbeat, cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
    }

    /// <summary>Waits for <paramref name="pending"/>, sending a heartbeat each <paramref name="interval"/> it takes.</summary>
    public async Task<T> WaitAsync<T>(Task<T> pending, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await pending.WaitAsync(interval, cancellationToken);
            }
            catch (TimeoutException) when (!pending.IsCompleted)
            {
                await WriteHeartbeatAsync(cancellationToken);
            }
        }
    }
}
