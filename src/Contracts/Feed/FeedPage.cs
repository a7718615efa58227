namespace Governance.Contracts.Feed;

/// <summary>Feed events as structured CloudEvents JSON, and the cursor to read on from.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<string> Items,
    [property: Id(1)] string NextCursor);
