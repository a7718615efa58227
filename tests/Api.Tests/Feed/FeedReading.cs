namespace Governance.Api.Tests.Feed;

/// <summary>Reads a cooperative's feed as an integrator would: page by page from a cursor, waiting for pushes to land.</summary>
public static class FeedReading
{
    public static string Events(string cooperativeId) => $"{Routes.Cooperative(cooperativeId)}/events";

    /// <summary>
    /// Every event after <paramref name="after"/>, following nextCursor until an empty page leaves it where it was. An
    /// empty page may still move it, past records of the feed's own that are no event (a source it began to watch).
    /// </summary>
    public static Task<(List<JsonElement> Items, string Cursor)> ReadAll(GovernanceClient api, string cooperativeId, string? after = null, int limit = 7, string? types = null) =>
        ReadAllAt(api, Events(cooperativeId), after, limit, types);

    /// <summary>As <see cref="ReadAll"/>, from any list of CloudEvents with an after cursor, such as one decision's events.</summary>
    public static async Task<(List<JsonElement> Items, string Cursor)> ReadAllAt(GovernanceClient api, string path, string? after = null, int limit = 7, string? types = null)
    {
        var items = new List<JsonElement>();
        var cursor = after;
        while (true)
        {
            var page = await api.GetJson(Routes.WithQuery(path, ("after", cursor), ("limit", limit.ToString()), ("types", types)));
            Expect.Fields(page, "items", "nextCursor");
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(pageItems.Count <= limit);
            items.AddRange(pageItems);
            var next = page.GetProperty("nextCursor").GetString()!;
            if (pageItems.Count == 0 && next == (cursor ?? "0"))
            {
                return (items, next);
            }

            cursor = next;
        }
    }

    /// <summary>The whole feed once it holds at least <paramref name="count"/> events; pushes land just after the replies.</summary>
    public static async Task<List<JsonElement>> WaitForCount(GovernanceClient api, string cooperativeId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var (items, _) = await ReadAll(api, cooperativeId, limit: 50);
            if (items.Count >= count || DateTime.UtcNow > deadline)
            {
                return items;
            }

            await Task.Delay(50);
        }
    }
}
