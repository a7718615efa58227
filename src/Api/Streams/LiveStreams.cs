using Governance.Api.Hosting;
using Governance.Api.Limits;
using Microsoft.Extensions.Options;

namespace Governance.Api.Streams;

/// <summary>
/// What every live stream does around its messages: it takes one of the caller's stream slots, sends the headers,
/// waits with heartbeats, and ends when the client leaves or the process stops. A stream that breaks once started
/// just ends, and the client reconnects with Last-Event-ID, as text/event-stream clients do by themselves.
/// </summary>
internal static partial class LiveStreams
{
    /// <summary>How soon a caller refused for holding too many streams may try again.</summary>
    private static readonly TimeSpan RetryAfterTooMany = TimeSpan.FromSeconds(10);

    public delegate Task Messages(ServerSentEventWriter writer, TimeSpan heartbeat, CancellationToken cancellationToken);

    public static async Task ServeAsync(HttpContext context, Messages messages)
    {
        var services = context.RequestServices;
        var limiter = services.GetRequiredService<StreamLimiter>();
        using var slot = limiter.TryAcquire(context.User);
        if (slot is null)
        {
            await TooManyRequests.WriteAsync(
                context, RetryAfterTooMany, $"At most {limiter.Limit} streams may be open at once for one member or app key; close one first.", "too-many-streams");
            return;
        }

        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var heartbeat = services.GetRequiredService<IOptions<ApiOptions>>().Value.StreamHeartbeatInterval;
        var writer = await ServerSentEventWriter.StartAsync(context);
        try
        {
            await messages(writer, heartbeat, ended.Token);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client left or the process is stopping: nothing more to send.
        }
        catch (Exception exception)
        {
            LogStreamBroken(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LiveStreams)), exception, context.Request.Path);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live stream {Path} broke and ended; its client reconnects with Last-Event-ID.")]
    private static partial void LogStreamBroken(ILogger logger, Exception exception, string path);
}
