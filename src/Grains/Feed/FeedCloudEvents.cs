using System.Globalization;
using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Governance.Contracts.Feed;

namespace Governance.Grains.Feed;

/// <summary>Feed records as CloudEvents 1.0 in structured JSON, the form the feed serves and webhooks deliver.</summary>
public static class FeedCloudEvents
{
    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>The event's id: the log and version it came from, so it is unique and never changes.</summary>
    public static string IdOf(FeedEventRecorded record) => $"{record.Stream}/{record.Version}";

    /// <summary>The record as a feed entry, read on from <paramref name="cursor"/>.</summary>
    public static FeedEntry Entry(FeedEventRecorded record, long cursor) =>
        new(cursor.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(Encode(record)), IdOf(record), record.EventType);

    public static byte[] Encode(FeedEventRecorded record)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = IdOf(record),
            Source = new Uri(record.Source, UriKind.Relative),
            Subject = record.Subject,
            Type = record.EventType,
            Time = record.Time,
            DataContentType = "application/json",
            Data = record.Data,
        };
        return Formatter.EncodeStructuredModeMessage(cloudEvent, out _).ToArray();
    }
}
