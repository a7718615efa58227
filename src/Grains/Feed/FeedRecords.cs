using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Contracts.Feed;

namespace Governance.Grains.Feed;

/// <summary>A record in a cooperative's feed log. Its type names, like its events' ids and types, are a durable contract.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FeedEventRecorded), "feed-event")]
[JsonDerivedType(typeof(FeedSourceTracked), "source-tracked")]
[JsonDerivedType(typeof(FeedSourcesDiscovered), "sources-discovered")]
public abstract record FeedRecord;

/// <summary>
/// Version <paramref name="Version"/> of the log <paramref name="Stream"/>, as the feed serves it: a CloudEvent of
/// <paramref name="EventType"/> whose id is "{stream}/{version}".
/// </summary>
public sealed record FeedEventRecorded(
    string Stream,
    long Version,
    string EventType,
    string Source,
    string? Subject,
    DateTimeOffset Time,
    JsonElement Data) : FeedRecord
{
    /// <summary>The record of a feed event of <paramref name="stream"/>, whose events have <paramref name="source"/> as their source.</summary>
    public static FeedEventRecorded Of(string stream, string source, FeedItem item) =>
        new(stream, item.Version, item.Type, source, item.Subject, item.Time, JsonElement.Parse(item.Data));
}

/// <summary>The feed watches <paramref name="Stream"/> from now on, before that log's first event is written.</summary>
public sealed record FeedSourceTracked(string Stream) : FeedRecord;

/// <summary>The logs written before the cooperative had a feed were found through its indexes and are watched.</summary>
public sealed record FeedSourcesDiscovered : FeedRecord;

/// <summary>The feed's state at one version: how far each watched log has reached it.</summary>
public sealed record FeedSnapshot(IReadOnlyDictionary<string, long> Positions, bool Discovered);
