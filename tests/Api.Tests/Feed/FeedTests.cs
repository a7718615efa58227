namespace Governance.Api.Tests.Feed;

/// <summary>The cooperative's event feed as an integrator reads it: CloudEvents, each acknowledged command's event once, in its source's order.</summary>
[Collection(ClockCollection.Name)]
public sealed class FeedTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Every_catalog_type_appears_once_per_command_in_each_source_order_as_a_CloudEvent()
    {
        var scenario = await CatalogScenario.Run(Api, Factory);

        var items = await FeedReading.WaitForCount(Api, scenario.Cooperative, scenario.ExpectedCount);

        Assert.Equal(scenario.ExpectedCount, items.Count);
        Assert.Equal(items.Count, items.Select(item => item.GetProperty("id").GetString()).Distinct().Count());
        foreach (var (source, types) in scenario.ExpectedBySource)
        {
            Assert.Equal(types, items.Where(item => item.GetProperty("source").GetString() == source).Select(item => item.GetProperty("type").GetString()));
        }

        foreach (var item in items)
        {
            Assert.Equal("1.0", item.GetProperty("specversion").GetString());
            Assert.Equal("application/json", item.GetProperty("datacontenttype").GetString());
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("time").GetString(), out _));
            Assert.Equal(JsonValueKind.Object, item.GetProperty("data").ValueKind);
            Assert.True(item.GetProperty("data").TryGetProperty("by", out _), item.ToString());
        }

        Assert.Equal(FeedCatalog.Types.Order(), items.Select(item => item.GetProperty("type").GetString()!).Distinct().Order());
    }

    [Fact]
    public async Task Event_data_says_what_happened_and_who_acted_and_never_holds_a_secret()
    {
        var scenario = await CatalogScenario.Run(Api, Factory);
        var items = await FeedReading.WaitForCount(Api, scenario.Cooperative, scenario.ExpectedCount);
        JsonElement Data(string type, int index = 0) => items.Where(item => item.GetProperty("type").GetString() == type).ElementAt(index).GetProperty("data");

        var founder = items[0];
        Assert.Equal("ann", founder.GetProperty("subject").GetString());
        Assert.Equal("admin", Data("member.joined").GetProperty("role").GetString());
        Assert.Equal("ann", Data("member.joined", 1).GetProperty("by").GetString());

        var issued = Data("appkey.issued");
        Assert.Equal(["by", "keyId", "name", "scopes"], issued.EnumerateObject().Select(field => field.Name).Order());
        Assert.DoesNotContain("secret", items.Select(item => item.ToString()).Aggregate(string.Concat), StringComparison.OrdinalIgnoreCase);

        var byDefault = Data("delegation.set");
        Assert.Equal("default", byDefault.GetProperty("scope").GetString());
        Assert.Equal("ann", byDefault.GetProperty("delegateId").GetString());
        var blocked = Data("delegation.set", 1);
        Assert.Equal(("topic", "budget"), (blocked.GetProperty("scope").GetString(), blocked.GetProperty("topic").GetString()));
        Assert.Equal(JsonValueKind.Null, blocked.GetProperty("delegateId").ValueKind);
        var onProposal = Data("delegation.set", 2);
        Assert.Equal(("proposal", scenario.Proposal, "cat"), (onProposal.GetProperty("scope").GetString(), onProposal.GetProperty("proposalId").GetString(), onProposal.GetProperty("by").GetString()));

        var cast = Data("ballot.cast");
        Assert.Equal(("proposal", scenario.Proposal, "ann", "yes"), (cast.GetProperty("kind").GetString(), cast.GetProperty("proposalId").GetString(), cast.GetProperty("memberId").GetString(), cast.GetProperty("choice").GetString()));
        var ranked = Data("ballot.cast", 2);
        Assert.Equal(("poll", scenario.Poll), (ranked.GetProperty("kind").GetString(), ranked.GetProperty("pollId").GetString()));

        var closed = Data("proposal.closed");
        Assert.Equal(0, closed.GetProperty("counts").GetProperty("yes").GetInt32());
        Assert.Equal(1, closed.GetProperty("counts").GetProperty("no").GetInt32());
        Assert.Equal("rejected", closed.GetProperty("outcome").GetString());
        var ranking = Data("poll.closed").GetProperty("ranking");
        Assert.Equal(["b", "a", "c"], Expect.IdsOf(ranking, "itemId"));

        Assert.Equal(JsonValueKind.Null, Data("task.expired").GetProperty("by").ValueKind);
        Assert.Equal("ben", Data("task.expired").GetProperty("claimedBy").GetString());
    }

    [Fact]
    public async Task The_cursor_resumes_exactly_where_a_reader_stopped_and_is_given_at_the_end()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var before = await FeedReading.WaitForCount(Api, cooperative, 2);
        var (_, end) = await FeedReading.ReadAll(Api, cooperative);

        await Api.AddMembers(cooperative, "cat");
        await FeedReading.WaitForCount(Api, cooperative, 3);
        var (after, next) = await FeedReading.ReadAll(Api, cooperative, end, limit: 1);

        Assert.Equal(2, before.Count);
        Assert.Equal(["cat"], after.Select(item => item.GetProperty("subject").GetString()));
        Assert.NotEqual(end, next);
        var again = await Api.GetJson(Routes.WithQuery(FeedReading.Events(cooperative), ("after", next)));
        Assert.Empty(again.GetProperty("items").EnumerateArray());
        Assert.Equal(next, again.GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task Types_select_events_and_the_cursor_still_moves_past_the_rest()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ben", "yes");
        await FeedReading.WaitForCount(Api, cooperative, 5);

        var (cast, _) = await FeedReading.ReadAll(Api, cooperative, types: "ballot.cast,proposal.opened", limit: 1);

        Assert.Equal(["proposal.opened", "ballot.cast"], cast.Select(item => item.GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData("types=ballot.cast,vote.cast", "invalid-types", "types")]
    [InlineData("after=abc", "invalid-cursor", "after")]
    [InlineData("after=-1", "invalid-cursor", "after")]
    [InlineData("limit=0", "invalid-limit", "limit")]
    [InlineData("limit=1001", "invalid-limit", "limit")]
    public async Task A_malformed_query_is_a_400_naming_its_field(string query, string code, string field)
    {
        var cooperative = await Api.CreateCooperative();

        await Expect.Problem(await Api.Get($"{FeedReading.Events(cooperative)}?{query}"), HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task A_page_is_as_large_as_the_limit_allows()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"]);
        await FeedReading.WaitForCount(Api, cooperative, 4);

        var page = await Api.GetJson(Routes.WithQuery(FeedReading.Events(cooperative), ("limit", "1000")));

        Assert.Equal(4, page.GetProperty("items").GetArrayLength());
    }
}
