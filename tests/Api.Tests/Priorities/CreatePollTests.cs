namespace Governance.Api.Tests.Priorities;

[Collection(ApiCollection.Name)]
public sealed class CreatePollTests(ApiFactory factory) : ApiTest(factory)
{
    public static readonly string[] ViewFields =
        ["id", "cooperativeId", "title", "body", "topic", "method", "maxScore", "creditBudget", "pointBudget", "items", "status",
            "createdAt", "openedAt", "closesAt", "closedAt", "createdBy", "openedBy", "closedBy"];

    [Fact]
    public async Task Create_returns_201_with_location_and_the_poll_in_discussion()
    {
        var cooperative = await Api.CreateCooperative(topics: ["budget"]);
        var id = Ids.New("poll");
        var closesAt = DateTimeOffset.UtcNow.AddDays(7);
        var before = DateTimeOffset.UtcNow;
        var items = new[] { new { id = "oven", title = " New oven " }, new { id = "van", title = "Delivery van" } };

        var response = await Api.Post(PriorityRoutes.Polls(cooperative), new { id, title = "Next purchase", body = "Rank them.", topic = "budget", method = "score", maxScore = 3, items, closesAt });

        var poll = await Expect.Created(response, PriorityRoutes.Poll(cooperative, id));
        Expect.Fields(poll, ViewFields);
        Assert.Equal(
            (id, cooperative, "Next purchase", "Rank them.", "budget", "score", 3, "discussion", Api.FounderOf(cooperative)),
            (poll.GetProperty("id").GetString(), poll.GetProperty("cooperativeId").GetString(), poll.GetProperty("title").GetString(),
             poll.GetProperty("body").GetString(), poll.GetProperty("topic").GetString(), poll.GetProperty("method").GetString(),
             poll.GetProperty("maxScore").GetInt32(), poll.GetProperty("status").GetString(), poll.GetProperty("createdBy").GetString()));
        Assert.Equal("""[{"id":"oven","title":"New oven"},{"id":"van","title":"Delivery van"}]""", poll.GetProperty("items").GetRawText());
        Assert.InRange(Expect.Instant(poll, "createdAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(closesAt, Expect.Instant(poll, "closesAt"));
        foreach (var unset in new[] { "creditBudget", "pointBudget", "openedAt", "closedAt", "openedBy", "closedBy" })
        {
            Assert.Equal(JsonValueKind.Null, poll.GetProperty(unset).ValueKind);
        }

        Assert.Equal(poll.GetRawText(), (await Api.GetJson(response.Headers.Location!.OriginalString)).GetRawText());
    }

    [Fact]
    public async Task Without_an_id_one_is_generated()
    {
        var cooperative = await Api.CreateCooperative();

        var response = await Api.Post(PriorityRoutes.Polls(cooperative), new { title = "Anything", method = "borda", items = PrioritySetup.Items("a") });

        var poll = await Expect.Status(response, HttpStatusCode.Created);
        var id = poll.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(PriorityRoutes.Poll(cooperative, id), response.Headers.Location?.OriginalString);
    }

    public static TheoryData<string, string?, int?, int?, int?> Defaults => new()
    {
        { "schulze", null, null, null, null },
        { "borda", null, null, null, null },
        { "approval", null, null, null, null },
        { "score", "maxScore", 5, null, null },
        { "quadratic", "creditBudget", null, 100, null },
        { "dot", "pointBudget", null, null, 10 },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public async Task Each_method_shows_only_its_own_parameter_with_its_default(string method, string? parameter, int? maxScore, int? creditBudget, int? pointBudget)
    {
        var cooperative = await Api.CreateCooperative();
        var id = await Api.CreatePoll(cooperative, method);

        var poll = await Api.GetJson(PriorityRoutes.Poll(cooperative, id));

        Assert.Equal(method, poll.GetProperty("method").GetString());
        Assert.Equal((maxScore, creditBudget, pointBudget), (IntOrNull(poll, "maxScore"), IntOrNull(poll, "creditBudget"), IntOrNull(poll, "pointBudget")));
        Assert.Equal(parameter is null, new[] { maxScore, creditBudget, pointBudget }.All(value => value is null));
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { """{"method":"schulze","items":[{"id":"a","title":"A"}]}""", "invalid-title", "title" },
        { """{"title":"  ","method":"schulze","items":[{"id":"a","title":"A"}]}""", "invalid-title", "title" },
        { """{"title":"T","items":[{"id":"a","title":"A"}]}""", "invalid-method", "method" },
        { """{"title":"T","method":"ranked","items":[{"id":"a","title":"A"}]}""", "malformed-request", "method" },
        { """{"title":"T","method":"schulze"}""", "no-items", "items" },
        { """{"title":"T","method":"schulze","items":[]}""", "no-items", "items" },
        { """{"title":"T","method":"schulze","items":[{"id":"a b","title":"A"}]}""", "invalid-item-id", "items" },
        { """{"title":"T","method":"schulze","items":[{"title":"A"}]}""", "invalid-item-id", "items" },
        { """{"title":"T","method":"schulze","items":[null]}""", "invalid-item-id", "items" },
        { """{"title":"T","method":"schulze","items":[{"id":"a","title":" "}]}""", "invalid-item-title", "items" },
        { """{"title":"T","method":"schulze","items":[{"id":"a","title":"A"},{"id":"a","title":"B"}]}""", "duplicate-item", "items" },
        { """{"title":"T","method":"schulze","maxScore":5,"items":[{"id":"a","title":"A"}]}""", "unexpected-parameter", "maxScore" },
        { """{"title":"T","method":"score","pointBudget":5,"items":[{"id":"a","title":"A"}]}""", "unexpected-parameter", "pointBudget" },
        { """{"title":"T","method":"score","maxScore":0,"items":[{"id":"a","title":"A"}]}""", "invalid-max-score", "maxScore" },
        { """{"title":"T","method":"quadratic","creditBudget":1000001,"items":[{"id":"a","title":"A"}]}""", "invalid-budget", "creditBudget" },
        { """{"title":"T","method":"dot","pointBudget":-3,"items":[{"id":"a","title":"A"}]}""", "invalid-budget", "pointBudget" },
        { """{"title":"T","method":"schulze","topic":"nope","items":[{"id":"a","title":"A"}]}""", "unknown-topic", "topic" },
        { """{"title":"T","method":"schulze","closesAt":"2001-01-01T00:00:00Z","items":[{"id":"a","title":"A"}]}""", "invalid-closes-at", "closesAt" },
        { """{"id":"no/slash","title":"T","method":"schulze","items":[{"id":"a","title":"A"}]}""", "invalid-id", "id" },
        { """{"title":"T","method":"schulze","quorum":0.5,"items":[{"id":"a","title":"A"}]}""", "malformed-request", "quorum" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_poll_is_a_400_naming_the_field_and_nothing_is_created(string body, string code, string field)
    {
        var cooperative = await Api.CreateCooperative();

        await Expect.Problem(await Api.SendRaw(HttpMethod.Post, PriorityRoutes.Polls(cooperative), body), HttpStatusCode.BadRequest, code, field);

        Assert.Empty((await Api.GetJson(PriorityRoutes.Polls(cooperative))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task More_items_than_the_limit_is_a_400()
    {
        var cooperative = await Api.CreateCooperative();
        var items = PrioritySetup.Items([.. Enumerable.Range(0, 101).Select(index => $"i{index}")]);

        var response = await Api.Post(PriorityRoutes.Polls(cooperative), new { title = "Too many", method = "dot", items });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "too-many-items", "items");
        await Expect.Created(
            await Api.Post(PriorityRoutes.Polls(cooperative), new { id = "full", title = "At the limit", method = "dot", items = items[..100] }),
            PriorityRoutes.Poll(cooperative, "full"));
    }

    [Fact]
    public async Task An_id_in_use_is_a_409_and_the_first_poll_stays()
    {
        var cooperative = await Api.CreateCooperative();
        var id = await Api.CreatePoll(cooperative);
        var before = await Api.Observe(PriorityRoutes.Poll(cooperative, id), PriorityRoutes.Polls(cooperative));

        var response = await Api.Post(PriorityRoutes.Polls(cooperative), new { id, title = "Another", method = "dot", items = PrioritySetup.Items("x") });

        await Expect.Problem(response, HttpStatusCode.Conflict, "poll-exists");
        Assert.Equal(before, await Api.Observe(PriorityRoutes.Poll(cooperative, id), PriorityRoutes.Polls(cooperative)));
    }

    [Fact]
    public async Task Members_may_create_polls_unless_the_settings_reserve_that_for_admins()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var body = new { title = "Mine", method = "approval", items = PrioritySetup.Items("a") };
        var created = await Expect.Status(await Api.As("ben").Post(PriorityRoutes.Polls(cooperative), body), HttpStatusCode.Created);
        Assert.Equal("ben", created.GetProperty("createdBy").GetString());

        await Expect.Ok(await Api.As("ann").Put(Routes.Settings(cooperative), new { membersMayCreateProposals = false }));

        await Expect.Problem(await Api.As("ben").Post(PriorityRoutes.Polls(cooperative), body), HttpStatusCode.Forbidden, "admin-only");
    }

    private static int? IntOrNull(JsonElement json, string property) =>
        json.GetProperty(property).ValueKind == JsonValueKind.Null ? null : json.GetProperty(property).GetInt32();
}
