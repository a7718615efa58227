namespace Governance.System.Tests.Feed;

/// <summary>What the feed's system tests run nodes and silos with.</summary>
public static class FeedTestSettings
{
    /// <summary>
    /// Reconciling every second, so the events whose pushes died with a process come in soon after; and no rate limit
    /// the load could reach.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FastReconcile { get; } = new Dictionary<string, string>
    {
        ["Feed__ReconcileInterval"] = "00:00:01",
        ["RateLimit__Burst"] = "100000",
        ["RateLimit__PerSecond"] = "100000",
    };
}
