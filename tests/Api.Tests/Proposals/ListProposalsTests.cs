namespace Governance.Api.Tests.Proposals;

[Collection(ApiCollection.Name)]
public sealed class ListProposalsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_list_holds_every_proposal_in_creation_order_as_summaries()
    {
        var cooperative = await Api.CreateCooperative(topics: ["budget"]);
        var first = await Api.CreateProposal(cooperative, topic: "budget");
        var second = await Api.CreateProposal(cooperative);

        var page = await Api.GetJson(Routes.Proposals(cooperative));

        Expect.Fields(page, "items", "nextCursor");
        Assert.Equal([first, second], Expect.IdsOf(page.GetProperty("items")));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        var summary = page.GetProperty("items")[0];
        Expect.Fields(summary, "id", "title", "topic", "status", "createdAt");
        var full = await Api.GetJson(Routes.Proposal(cooperative, first));
        foreach (var field in new[] { "id", "title", "topic", "status", "createdAt" })
        {
            Assert.Equal(full.GetProperty(field).GetRawText(), summary.GetProperty(field).GetRawText());
        }
    }

    [Fact]
    public async Task The_status_filter_returns_exactly_the_proposals_in_that_status()
    {
        var (cooperative, discussion, voting, closed) = await ThreeStatuses();

        Assert.Equal([discussion[0], voting[0], closed[0], discussion[1], voting[1], closed[1]], await ListIds(Routes.Proposals(cooperative)));
        Assert.Equal(discussion, await ListIds(Routes.WithQuery(Routes.Proposals(cooperative), ("status", "discussion"))));
        Assert.Equal(voting, await ListIds(Routes.WithQuery(Routes.Proposals(cooperative), ("status", "voting"))));
        Assert.Equal(closed, await ListIds(Routes.WithQuery(Routes.Proposals(cooperative), ("status", "closed"))));
    }

    [Fact]
    public async Task The_status_in_each_summary_follows_the_lifecycle()
    {
        var (cooperative, discussion, voting, closed) = await ThreeStatuses();

        var items = (await Api.GetJson(Routes.Proposals(cooperative))).GetProperty("items").EnumerateArray()
            .ToDictionary(item => item.GetProperty("id").GetString()!, item => item.GetProperty("status").GetString());

        Assert.All(discussion, id => Assert.Equal("discussion", items[id]));
        Assert.All(voting, id => Assert.Equal("voting", items[id]));
        Assert.All(closed, id => Assert.Equal("closed", items[id]));
    }

    [Theory]
    [InlineData(null, 6)]
    [InlineData("discussion", 2)]
    [InlineData("closed", 2)]
    public async Task Paging_returns_every_proposal_exactly_once(string? status, int count)
    {
        var (cooperative, _, _, _) = await ThreeStatuses();
        var all = await ListIds(Routes.WithQuery(Routes.Proposals(cooperative), ("status", status)));

        var (items, _) = await Api.ReadAllPages(Routes.Proposals(cooperative), limit: 1, ("status", status));

        Assert.Equal(count, all.Length);
        Assert.Equal(all, items.Select(item => item.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Paging_with_two_per_page_takes_three_pages_for_six_proposals()
    {
        var (cooperative, _, _, _) = await ThreeStatuses();

        var (items, pages) = await Api.ReadAllPages(Routes.Proposals(cooperative), limit: 2);

        Assert.Equal(6, items.Select(item => item.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("open")]
    [InlineData("5")]
    [InlineData("0")]
    public async Task An_unknown_status_is_a_400(string status)
    {
        var cooperative = await Api.CreateCooperative();

        var response = await Api.Get(Routes.WithQuery(Routes.Proposals(cooperative), ("status", status)));

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-status", "status");
    }

    [Fact]
    public async Task Listing_an_unknown_cooperative_is_a_404()
    {
        await Expect.Problem(await Api.Get(Routes.Proposals(Ids.New("nowhere"))), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    /// <summary>Six proposals, two in each status, created in the order discussion, voting, closed, and again.</summary>
    private async Task<(string Cooperative, string[] Discussion, string[] Voting, string[] Closed)> ThreeStatuses()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var discussion = new List<string>();
        var voting = new List<string>();
        var closed = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            discussion.Add(await Api.CreateProposal(cooperative));
            voting.Add(await Api.OpenProposal(cooperative));
            var toClose = await Api.OpenProposal(cooperative);
            await Api.Close(cooperative, toClose);
            closed.Add(toClose);
        }

        return (cooperative, [.. discussion], [.. voting], [.. closed]);
    }

    private async Task<string[]> ListIds(string path) => Expect.IdsOf((await Api.GetJson(path)).GetProperty("items"));
}
