namespace Governance.Contracts.Feed;

/// <summary>
/// Reads a cooperative's feed (key: the cooperative id). Reads need nothing but the feed's durable log, so they are
/// served by stateless workers beside the feed grain, on every core, and never queue behind its appends.
/// </summary>
[Alias("Governance.IFeedReaderGrain")]
public interface IFeedReaderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Up to <paramref name="limit"/> events after the cursor, of the given types (all when null), as encoded CloudEvents.
    /// The next cursor is always given, so a reader resumes there later.
    /// </summary>
    Task<FeedPage> Read(string? after, int limit, IReadOnlyList<string>? types);

    /// <summary>The cursor after the last durable event: reading from it returns only what reaches the feed later.</summary>
    Task<string> End();
}
