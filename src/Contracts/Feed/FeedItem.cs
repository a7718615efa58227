namespace Governance.Contracts.Feed;

/// <summary>One feed event as its source describes it: its log version, catalog type, subject, time and JSON data.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.FeedItem")]
public sealed record FeedItem(
    [property: Id(0)] long Version,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Subject,
    [property: Id(3)] DateTimeOffset Time,
    [property: Id(4)] string Data);
