using System.Globalization;
using System.Text.Json;

namespace Governance.System.Tests.Feed;

/// <summary>One CloudEvent of a cooperative's feed, with the log and version its id names ("{stream}/{version}").</summary>
public sealed record FeedEvent(string Id, string Stream, long Version, string Source, string Type, string? Subject, DateTimeOffset Time, JsonElement Json)
{
    /// <summary>What the event says beyond its type and subject: the choice a ballot marks or the delegate a delegation names.</summary>
    public string? Detail => Type switch
    {
        "ballot.cast" => Json.GetProperty("data").GetProperty("choice").GetString(),
        "delegation.set" => Json.GetProperty("data").GetProperty("delegateId").GetString(),
        _ => null,
    };

    public static FeedEvent Parse(JsonElement json)
    {
        var id = json.GetProperty("id").GetString()!;
        var separator = id.LastIndexOf('/');
        return new FeedEvent(
            id,
            id[..separator],
            long.Parse(id[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture),
            json.GetProperty("source").GetString()!,
            json.GetProperty("type").GetString()!,
            json.TryGetProperty("subject", out var subject) ? subject.GetString() : null,
            json.GetProperty("time").GetDateTimeOffset(),
            json.Clone());
    }
}
