using Governance.Client.Tests.Hosting;

namespace Governance.Client.Tests.Governance;

[Collection(ApiNodeCollection.Name)]
public sealed class FeedTests(ApiNode node)
{
    private readonly GovernanceClient _ann = node.As("ann");
    private readonly GovernanceClient _ben = node.As("ben");

    /// <summary>A reader follows nextCursor page by page, and a cursor kept for later reads only what came after it.</summary>
    [Fact]
    public async Task Paging_the_feed_reads_every_event_once_in_order_and_a_kept_cursor_reads_on()
    {
        var cooperative = await _ann.FoundAsync("Acme Bakery", "budget");
        await _ben.SetDefaultDelegationAsync(cooperative, "ben", new SetDelegationRequest { DelegateId = "ann" });

        var (events, cursor) = await ReadAsync(cooperative, after: null, count: 5);

        Assert.Equal(
            ["member.joined ann", "member.joined ben", "member.joined cat", "member.joined dan", "delegation.set ben"],
            events.Select(item => $"{item.Type} {item.Subject}"));
        Assert.Equal(events.Count, events.Select(item => item.Id).Distinct().Count());
        Assert.All(events, item => Assert.Equal($"/v1/cooperatives/{cooperative}", item.Source));

        await _ben.ClearDefaultDelegationAsync(cooperative, "ben");
        var (later, _) = await ReadAsync(cooperative, cursor, count: 1);
        Assert.Equal(["delegation.cleared ben"], later.Select(item => $"{item.Type} {item.Subject}"));
    }

    /// <summary>
    /// Pages of two from <paramref name="after"/>, following nextCursor, until <paramref name="count"/> events have
    /// come and a page at the end is empty. Grains push their events to the feed just after replying, so the last
    /// ones may arrive a moment after the request that made them.
    /// </summary>
    private async Task<(List<CloudEvent> Events, string Cursor)> ReadAsync(string cooperative, string? after, int count)
    {
        var events = new List<CloudEvent>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var page = await _ben.ListEventsAsync(cooperative, after, 2, null);
            Assert.True(page.Items.Count <= 2);
            events.AddRange(page.Items);
            if (page.Items.Count == 0 && page.NextCursor == after)
            {
                if (events.Count >= count || DateTime.UtcNow > deadline)
                {
                    return (events, page.NextCursor);
                }

                await Task.Delay(100);
            }

            after = page.NextCursor;
        }
    }
}
