using Governance.Api.Grains;
using Governance.Contracts.Feed;

namespace Governance.Api.Streams;

/// <summary>
/// The cooperative's feed as a stream: every event after the cursor (the route passes Last-Event-ID, else the after
/// parameter; from the start without either), then each new one as it becomes durable. Each message's event is the CloudEvent's type, its id
/// the cursor after it, its data the CloudEvent as the feed serves it. The feed's grain says when it has grown, so
/// an idle stream reads nothing.
/// </summary>
internal static class FeedStream
{
    private const int PageSize = 100;

    public static async Task ServeAsync(HttpContext context, string cooperativeId, string? cursor, IReadOnlyList<string>? types, GrainReferences grains)
    {
        var reader = grains.Feed(cooperativeId);

        // A bad cursor is answered 400 before the stream starts.
        var page = await reader.Read(cursor, PageSize, types);
        await LiveStreams.ServeAsync(context, async (writer, heartbeat, cancellationToken) =>
        {
            await using var ends = grains.FeedLog(cooperativeId).WatchEnd(cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                foreach (var entry in page.Items)
                {
                    await writer.WriteAsync(ServerSentEvent.Create(entry.Type, entry.Cursor, entry.Event), cancellationToken);
                }

                // Nothing more is durable yet: wait until the feed grows. An empty page that moved the cursor only
                // skipped events of other types, so there may be more to read at once.
                if (page.Items.Count == 0 && page.NextCursor == cursor
                    && !await writer.WaitAsync(ends.MoveNextAsync().AsTask(), heartbeat, cancellationToken))
                {
                    return;
                }

                cursor = page.NextCursor;
                page = await reader.Read(cursor, PageSize, types);
            }
        });
    }
}
