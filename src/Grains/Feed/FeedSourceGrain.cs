using System.Globalization;
using Governance.Contracts.Feed;
using Governance.Grains.EventSourcing;
using Governance.Grains.Paging;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Feed;

/// <summary>
/// An event-sourced grain whose log reaches its cooperative's feed. Before the first append the feed starts watching
/// the log, so it can reconcile from it; each durable batch is then pushed to the feed at once, without waiting. A push
/// that is lost, with the silo say, costs only latency: the feed pulls what it missed through <see cref="ReadFeed"/>.
/// </summary>
public abstract class FeedSourceGrain<TEvent> : EventSourcedGrain<TEvent>, IFeedSource
    where TEvent : class
{
    /// <summary>How many log versions one pull reads at most, so a long log is caught up in bounded messages.</summary>
    private const int MaxVersionsPerBatch = 1_000;

    protected FeedSourceGrain(IEventStore store, EventSourcingOptions options, ILogger logger)
        : base(store, options, logger)
    {
    }

    /// <summary>The cooperative whose feed this log reaches.</summary>
    protected abstract string FeedCooperativeId { get; }

    /// <summary>The resource path that is the CloudEvents source of this log's events.</summary>
    protected abstract string FeedSourcePath { get; }

    private IFeedGrain Feed => GrainFactory.GetGrain<IFeedGrain>(FeedCooperativeId);

    /// <summary>The feed event an event of this log is, or null when it is none (an index entry, say).</summary>
    protected abstract FeedItem? ToFeedItem(long version, TEvent @event);

    public async Task<FeedBatch> ReadFeed(long afterVersion)
    {
        var items = new List<FeedItem>();
        var lastVersion = afterVersion;
        await foreach (var (version, item) in ReadFeedItemsAsync(afterVersion))
        {
            if (item is not null)
            {
                items.Add(item);
            }

            lastVersion = version;
        }

        return new FeedBatch(StreamId, FeedSourcePath, afterVersion, lastVersion, items);
    }

    /// <summary>
    /// This log's feed events after <paramref name="after"/> (a version of this log), as the feed encodes them; a page
    /// scans at most a batch of versions, and its next cursor is the last version it scanned.
    /// </summary>
    protected async Task<FeedPage> ReadOwnEventsAsync(string? after, int limit)
    {
        var afterVersion = Cursor.ToVersion(after, "after");
        var entries = new List<FeedEntry>(limit);
        var next = afterVersion;
        await foreach (var (version, item) in ReadFeedItemsAsync(afterVersion))
        {
            next = version;
            if (item is not null)
            {
                entries.Add(FeedCloudEvents.Entry(FeedEventRecorded.Of(StreamId, FeedSourcePath, item), version));
                if (entries.Count == limit)
                {
                    break;
                }
            }
        }

        return new FeedPage(entries, next.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Each version of this log after <paramref name="afterVersion"/> with its feed event (null when none), at most a batch of them.</summary>
    private async IAsyncEnumerable<(long Version, FeedItem? Item)> ReadFeedItemsAsync(long afterVersion)
    {
        await foreach (var (version, @event) in ReadLogAsync(afterVersion))
        {
            yield return (version, ToFeedItem(version, @event));
            if (version - afterVersion >= MaxVersionsPerBatch)
            {
                yield break;
            }
        }
    }

    protected override Task BeforeFirstAppendAsync() => Feed.Track(StreamId);

    protected override void OnDurable(long afterVersion, IReadOnlyList<TEvent> events)
    {
        var items = new List<FeedItem>(events.Count);
        for (var index = 0; index < events.Count; index++)
        {
            if (ToFeedItem(afterVersion + index + 1, events[index]) is { } item)
            {
                items.Add(item);
            }
        }

        // One-way: the reply to the command never waits for the feed.
        _ = Feed.Publish(new FeedBatch(StreamId, FeedSourcePath, afterVersion, afterVersion + events.Count, items));
    }
}
