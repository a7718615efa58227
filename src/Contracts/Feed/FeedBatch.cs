namespace Governance.Contracts.Feed;

/// <summary>
/// A run of one log's versions, <paramref name="AfterVersion"/> + 1 to <paramref name="LastVersion"/>, and the feed
/// events among them; versions that are no feed event (an index entry, say) are covered without an item.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.FeedBatch")]
public sealed record FeedBatch(
    [property: Id(0)] string StreamId,
    [property: Id(1)] string Source,
    [property: Id(2)] long AfterVersion,
    [property: Id(3)] long LastVersion,
    [property: Id(4)] IReadOnlyList<FeedItem> Items);
