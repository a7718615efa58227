using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.System.Tests.Feed;

/// <summary>Reads a cooperative's feed as an integrator would: page by page, following nextCursor until a page is empty.</summary>
public static class FeedReader
{
    private const int PageSize = 1_000;

    /// <summary>Every event after <paramref name="after"/> (from the start when null), in feed order.</summary>
    public static async Task<List<FeedEvent>> ReadAllAsync(HttpClient http, string cooperative, string? after = null)
    {
        var events = new List<FeedEvent>();
        var cursor = after ?? "0";
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{cooperative}/events?after={cursor}&limit={PageSize}", UriKind.Relative));
            var items = page.GetProperty("items").EnumerateArray().Select(FeedEvent.Parse).ToList();
            var next = page.GetProperty("nextCursor").GetString()!;
            if (items.Count == 0)
            {
                Assert.True(next == cursor, $"An empty page after {cursor} answered nextCursor {next}.");
                return events;
            }

            events.AddRange(items);
            cursor = next;
        }
    }

    /// <summary>
    /// The whole feed once it holds at least <paramref name="count"/> events, or as it is when
    /// <paramref name="within"/> has passed: pushes land after the replies, and reconciling brings lost ones later.
    /// Reads that fail (a cluster still recovering) are tried again.
    /// </summary>
    public static async Task<List<FeedEvent>> WaitForCountAsync(HttpClient http, string cooperative, int count, TimeSpan within)
    {
        var giveUpAt = DateTimeOffset.UtcNow + within;
        while (true)
        {
            try
            {
                var events = await ReadAllAsync(http, cooperative);
                if (events.Count >= count || DateTimeOffset.UtcNow > giveUpAt)
                {
                    return events;
                }
            }
            catch (HttpRequestException) when (DateTimeOffset.UtcNow < giveUpAt)
            {
                // The grain behind the feed is still moving to a live silo; read again.
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The whole feed once <paramref name="done"/> holds for it; fails with what the feed held when it never does.</summary>
    public static async Task<List<FeedEvent>> WaitUntilAsync(HttpClient http, string cooperative, Func<List<FeedEvent>, bool> done, TimeSpan within)
    {
        var giveUpAt = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var events = await ReadAllAsync(http, cooperative);
            if (done(events))
            {
                return events;
            }

            Assert.True(DateTimeOffset.UtcNow < giveUpAt, $"Within {within.TotalSeconds} s the feed never got there; it holds {events.Count} events: {string.Join(", ", events.Select(item => item.Id))}");
            await Task.Delay(250);
        }
    }
}
