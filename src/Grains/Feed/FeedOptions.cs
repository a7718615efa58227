namespace Governance.Grains.Feed;

/// <summary>How the feed keeps complete. Configuration section "Feed".</summary>
public sealed class FeedOptions
{
    public const string Section = "Feed";

    /// <summary>
    /// How often an active feed compares every watched log with what reached it, and pulls what a lost push did not
    /// bring. It also does so when it activates. So an event whose push was lost appears within this interval.
    /// </summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many stored feed records one page read scans at most, so a filter that matches little stays cheap.</summary>
    public int MaxScannedPerPage { get; set; } = 5_000;
}
