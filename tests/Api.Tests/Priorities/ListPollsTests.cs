namespace Governance.Api.Tests.Priorities;

[Collection(ApiCollection.Name)]
public sealed class ListPollsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Polls_are_listed_in_creation_order_page_by_page_with_their_summaries()
    {
        var cooperative = await Api.CreateCooperative(topics: ["budget"]);
        var ids = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            ids.Add(await Api.CreatePoll(cooperative, index % 2 == 0 ? "dot" : "borda", topic: index == 0 ? "budget" : null));
        }

        var (items, pages) = await Api.ReadAllPages(PriorityRoutes.Polls(cooperative), 2);

        Assert.Equal(3, pages);
        Assert.Equal(ids, items.Select(item => item.GetProperty("id").GetString()));
        Expect.Fields(items[0], "id", "title", "topic", "method", "status", "createdAt");
        Assert.Equal(("budget", "dot", "discussion"), (items[0].GetProperty("topic").GetString(), items[0].GetProperty("method").GetString(), items[0].GetProperty("status").GetString()));
        Assert.Equal("borda", items[1].GetProperty("method").GetString());
    }

    [Fact]
    public async Task The_status_filter_follows_opening_and_closing()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var discussion = await Api.CreatePoll(cooperative);
        var voting = await Api.OpenPoll(cooperative);
        var closed = await Api.OpenPoll(cooperative);
        await Api.ClosePoll(cooperative, closed);

        Assert.Equal([discussion], await Listed(cooperative, "discussion"));
        Assert.Equal([voting], await Listed(cooperative, "voting"));
        Assert.Equal([closed], await Listed(cooperative, "Closed"));
        Assert.Equal([discussion, voting, closed], await Listed(cooperative, null));
    }

    [Fact]
    public async Task An_unknown_status_or_cursor_is_a_400()
    {
        var cooperative = await Api.CreateCooperative();

        await Expect.Problem(await Api.Get(Routes.WithQuery(PriorityRoutes.Polls(cooperative), ("status", "open"))), HttpStatusCode.BadRequest, "invalid-status", "status");
        await Expect.Problem(await Api.Get(Routes.WithQuery(PriorityRoutes.Polls(cooperative), ("cursor", "x"))), HttpStatusCode.BadRequest, "invalid-cursor", "cursor");
        await Expect.Problem(await Api.Get(Routes.WithQuery(PriorityRoutes.Polls(cooperative), ("limit", "0"))), HttpStatusCode.BadRequest, "invalid-limit", "limit");
    }

    private async Task<string[]> Listed(string cooperative, string? status) =>
        Expect.IdsOf((await Api.GetJson(Routes.WithQuery(PriorityRoutes.Polls(cooperative), ("status", status)))).GetProperty("items"));
}
