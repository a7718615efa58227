using System.Globalization;
using Governance.Contracts.Feed;
using Governance.Grains.Paging;
using Governance.Grains.Storage;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Feed;

/// <summary>
/// Pages of a cooperative's feed, read straight from the feed's log in the store. The store holds only durable
/// records, so a page never shows an event the feed could still lose.
/// </summary>
[StatelessWorker]
public sealed class FeedReaderGrain(IEventStore store, IOptions<FeedOptions> options) : Grain, IFeedReaderGrain
{
    public async Task<FeedPage> Read(string? after, int limit, IReadOnlyList<string>? types)
    {
        var afterVersion = Cursor.ToVersion(after, "after");
        var wanted = types is null ? null : new HashSet<string>(types, StringComparer.Ordinal);
        var items = new List<FeedEntry>(limit);
        var next = afterVersion;
        var scanned = 0;
        await foreach (var record in store.ReadEventsAsync(FeedLog.StreamOf(this.GetPrimaryKeyString()), afterVersion))
        {
            next = record.Version;
            if (FeedLog.Read(record.Data) is FeedEventRecorded recorded && (wanted is null || wanted.Contains(recorded.EventType)))
            {
                items.Add(FeedCloudEvents.Entry(recorded, record.Version));
            }

            if (items.Count == limit || ++scanned >= options.Value.MaxScannedPerPage)
            {
                break;
            }
        }

        if (items.Count < limit)
        {
            // At the end of what is stored: the feed grain must be active to bring in what a lost push left out.
            _ = GrainFactory.GetGrain<IFeedGrain>(this.GetPrimaryKeyString()).KeepActive();
        }

        return new FeedPage(items, next.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<string> End() =>
        (await store.ReadVersionAsync(FeedLog.StreamOf(this.GetPrimaryKeyString()))).ToString(CultureInfo.InvariantCulture);
}
