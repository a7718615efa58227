using Governance.Grains.EventSourcing;

namespace Governance.Grains.Feed;

/// <summary>The feed's own log: its name, and its records as stored.</summary>
internal static class FeedLog
{
    public static string StreamOf(string cooperativeId) => $"feed/{cooperativeId}";

    public static FeedRecord Read(byte[] data) => EventSerializer.Deserialize<FeedRecord>(data);
}
