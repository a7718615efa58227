using System.Text.Json;
using Governance.Contracts.Decisions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Governance.Api.Streams;

/// <summary>
/// A decision's live result as a stream: the latest result first (unless it is the one named by Last-Event-ID), then
/// each change, each message's data exactly the body of the plain read and its id the result's version; the final
/// result of the close is the last message, and the stream ends after it.
/// </summary>
internal static class ResultStream
{
    public static async Task ServeAsync(
        HttpContext context, string key, IDecisionGrain decision, string? seen, string eventName, Func<DecisionResultView, object> body)
    {
        // An unknown decision is answered 404 before the stream starts.
        await decision.Get();
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var hub = context.RequestServices.GetRequiredService<LiveResultHub>();
        await LiveStreams.ServeAsync(context, async (writer, heartbeat, cancellationToken) =>
        {
            using var subscription = hub.Subscribe(
                key, decision, result => ServerSentEvent.Create(eventName, result.Version, JsonSerializer.Serialize(body(result.Result), json)));
            var messages = subscription.Messages;
            while (await writer.WaitAsync(messages.WaitToReadAsync(cancellationToken).AsTask(), heartbeat, cancellationToken))
            {
                while (messages.TryRead(out var message))
                {
                    if (message.Id != seen)
                    {
                        await writer.WriteAsync(message, cancellationToken);
                    }
                }
            }
        });
    }
}
