using Orleans.Concurrency;

namespace Governance.Contracts.Feed;

/// <summary>
/// A cooperative's event feed (key: the cooperative id): the events of all its grains in one order, each once, with
/// cursors that stay valid. Grains push what they commit; the feed also reconciles from their logs, so an event whose
/// push was lost still arrives.
/// </summary>
[Alias("Governance.IFeedGrain")]
public interface IFeedGrain : IGrainWithStringKey
{
    /// <summary>What a source committed; repeats and reordered batches are harmless, and a gap makes the feed pull.</summary>
    [OneWay]
    Task Publish(FeedBatch batch);

    /// <summary>Makes the feed watch a source's log; a source calls this before its first append.</summary>
    Task Track(string streamId);

    /// <summary>
    /// Up to <paramref name="limit"/> events after the cursor, of the given types (all when null), as encoded CloudEvents.
    /// The next cursor is always given, so a reader resumes there later.
    /// </summary>
    Task<FeedPage> Read(string? after, int limit, IReadOnlyList<string>? types);
}
