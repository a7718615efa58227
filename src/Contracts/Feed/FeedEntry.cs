namespace Governance.Contracts.Feed;

/// <summary>One feed event as structured CloudEvents JSON, with its id, its type and the cursor that reads on after it.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.FeedEntry")]
public sealed record FeedEntry(
    [property: Id(0)] string Cursor,
    [property: Id(1)] string Event,
    [property: Id(2)] string Id,
    [property: Id(3)] string Type);
