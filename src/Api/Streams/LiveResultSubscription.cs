using System.Threading.Channels;

namespace Governance.Api.Streams;

/// <summary>
/// One subscriber's messages. It holds only the newest message not yet read: each carries the whole result, so a
/// subscriber that falls behind skips to the latest instead of queueing what is already out of date.
/// </summary>
public sealed class LiveResultSubscription : IDisposable
{
    private readonly Channel<ServerSentEvent> _messages = Channel.CreateBounded<ServerSentEvent>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Action<LiveResultSubscription> _leave;

    internal LiveResultSubscription(Action<LiveResultSubscription> leave) => _leave = leave;

    public ChannelReader<ServerSentEvent> Messages => _messages.Reader;

    public void Dispose() => _leave(this);

    internal void Offer(ServerSentEvent message) => _messages.Writer.TryWrite(message);

    internal void End(Exception? error = null) => _messages.Writer.TryComplete(error);
}
