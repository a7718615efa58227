namespace Governance.Contracts.Feed;

/// <summary>Feed events, each with its cursor, and the cursor to read on from.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<FeedEntry> Items,
    [property: Id(1)] string NextCursor);
