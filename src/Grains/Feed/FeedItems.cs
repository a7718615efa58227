using System.Text.Json;
using Governance.Contracts.Feed;
using Governance.Grains.EventSourcing;

namespace Governance.Grains.Feed;

/// <summary>Builds feed items; their data is camelCase JSON like the logs, with nulls kept (a null delegate means "none").</summary>
internal static class FeedItems
{
    public static FeedItem Of(long version, string type, string? subject, DateTimeOffset time, object data) =>
        new(version, type, subject, time, JsonSerializer.Serialize(data, EventSerializer.Options));
}
