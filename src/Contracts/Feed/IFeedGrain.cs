using Orleans.Concurrency;

namespace Governance.Contracts.Feed;

/// <summary>
/// A cooperative's event feed (key: the cooperative id): the events of all its grains in one order, each once, with
/// cursors that stay valid. Grains push what they commit; the feed also reconciles from their logs, so an event whose
/// push was lost still arrives. Reads go through <see cref="IFeedReaderGrain"/>.
/// </summary>
[Alias("Governance.IFeedGrain")]
public interface IFeedGrain : IGrainWithStringKey
{
    /// <summary>What a source committed; repeats and reordered batches are harmless, and a gap makes the feed pull.</summary>
    [OneWay]
    Task Publish(FeedBatch batch);

    /// <summary>Keeps the feed active, so it reconciles: readers that reach the end call it, since they read past the grain.</summary>
    [OneWay]
    Task KeepActive();

    /// <summary>
    /// The cursor after the feed's last durable event now, then each time more events are durable (the latest only,
    /// when several batches land between two reads), so a live reader knows when to read on.
    /// </summary>
    [Alias("WatchEnd")]
    IAsyncEnumerable<string> WatchEnd(CancellationToken cancellationToken = default);

    /// <summary>Makes the feed watch a source's log; a source calls this before its first append.</summary>
    Task Track(string streamId);
}
