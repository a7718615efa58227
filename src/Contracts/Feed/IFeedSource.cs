namespace Governance.Contracts.Feed;

/// <summary>A grain whose log reaches its cooperative's feed; the feed pulls from it what a lost push never brought.</summary>
[Alias("Governance.IFeedSource")]
public interface IFeedSource : IGrainWithStringKey
{
    /// <summary>The feed events of the log from the version after <paramref name="afterVersion"/>, a bounded batch at a time.</summary>
    Task<FeedBatch> ReadFeed(long afterVersion);
}
