using System.Text.Json.Nodes;

namespace Governance.Api.Tests.Upgrade;

/// <summary>
/// Stored events are a format users depend on: a log written by older code must read the same after any change.
/// Fixtures/governance.db was written by the code before proposals and polls became one decision grain, by
/// Fixtures/make-fixture.sh (with a snapshot every three events, so it holds both stored shapes), which also recorded what every read view answered then (Fixtures/requests.json, bodies
/// in Fixtures/expected). Here each of those requests is asked again over a copy of that log, and the open proposal
/// and poll in it are voted on and closed. Never regenerate the fixture with the code under test.
/// </summary>
public sealed class UpgradeTests(UpgradedApis apis) : IClassFixture<UpgradedApis>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyDictionary<string, RecordedRequest>> Recorded = new(() =>
        JsonSerializer.Deserialize<RecordedRequest[]>(File.ReadAllText(Path.Combine(UpgradedApi.FixtureDirectory, "requests.json")), Web)!
            .ToDictionary(request => request.File));

    /// <summary>Every recorded view, read once from the stored snapshots and once from the events alone.</summary>
    public static TheoryData<string, bool> RecordedViews
    {
        get
        {
            var views = new TheoryData<string, bool>();
            foreach (var file in Recorded.Value.Keys)
            {
                views.Add(file, true);
                views.Add(file, false);
            }

            return views;
        }
    }

    [Theory]
    [MemberData(nameof(RecordedViews))]
    public async Task A_recorded_view_answers_as_it_did_when_the_log_was_written(string file, bool fromSnapshots)
    {
        var request = Recorded.Value[file];

        var response = await apis.Of(fromSnapshots).Client.As(request.As).Get(request.Path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(request.Status == (int)response.StatusCode, $"GET {request.Path}: expected {request.Status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(request.MediaType, response.Content.Headers.ContentType?.MediaType);
        var expected = Stable(request, JsonNode.Parse(File.ReadAllText(Path.Combine(UpgradedApi.FixtureDirectory, "expected", file))));
        var actual = Stable(request, JsonNode.Parse(body));
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"GET {request.Path} as {request.As} differs from expected/{file} first at {FirstDifference(expected, actual, "$")}." +
            $"\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    /// <summary>Stored events that are an index's entries or copies, never feed events: what their sources' feed mapping leaves out.</summary>
    private static readonly string[] NoFeedEvent = ["proposal-registered", "proposal-status-changed", "member-left", "poll-member-left", "progress-posted"];

    [Fact]
    public async Task The_history_written_before_the_feed_existed_enters_it_once_per_event_in_each_log_order()
    {
        await using var upgraded = new UpgradedApi();
        var expected = UpgradedApi.StoredEvents("acme")
            .Where(stored => !NoFeedEvent.Contains(stored.Type))
            .Select(stored => $"{stored.Stream}/{stored.Version}")
            .ToList();

        var feed = await Feed.FeedReading.WaitForCount(upgraded.Client.As("ann"), "acme", expected.Count);

        var ids = feed.Select(item => item.GetProperty("id").GetString()!).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        foreach (var log in expected.GroupBy(id => id[..id.LastIndexOf('/')]))
        {
            Assert.Equal(log, ids.Where(id => id[..id.LastIndexOf('/')] == log.Key));
        }

        Assert.True(expected.Count > 60, $"The fixture's cooperative should have a long history; it had {expected.Count} feed events.");
    }

    [Fact]
    public async Task The_open_proposal_still_takes_a_vote_and_closes()
    {
        // A copy of its own: this test writes, and the recorded views above must see the log as it was written.
        await using var upgraded = new UpgradedApi();
        var tally = Routes.Tally("acme", "van");

        // gus delegated van to ann; now he votes no himself, and the tally moves his one weight.
        await Expect.Ok(await upgraded.Client.As("gus").Put(Routes.Vote("acme", "van", "gus"), new { choice = "no" }));
        Expect.Tally(await upgraded.Client.As("ann").GetJson(tally), "voting", 8, 7, (2, 5, 0), true, null);

        await Expect.Ok(await upgraded.Client.As("ann").Post(Routes.Close("acme", "van")));
        Expect.Tally(await upgraded.Client.As("ann").GetJson(tally), "closed", 8, 7, (2, 5, 0), true, "rejected");
        await Expect.Problem(await upgraded.Client.As("ann").Put(Routes.Vote("acme", "van", "ann"), new { choice = "no" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_open_dot_poll_still_takes_a_ballot_and_closes()
    {
        await using var upgraded = new UpgradedApi();
        var summer = PriorityRoutes.Result("acme", "summer");

        // fay's weight was lost through ivy, who joined after opening; her own ballot counts it again.
        await Expect.Ok(await upgraded.Client.As("fay").Put(
            PriorityRoutes.Ballot("acme", "summer", "fay"), new { allocations = new[] { new { item = "van", amount = 10 } } }));
        AssertDotResult(await upgraded.Client.As("ann").GetJson(summer), "voting");

        await Expect.Ok(await upgraded.Client.As("ann").Post(PriorityRoutes.Close("acme", "summer")));
        AssertDotResult(await upgraded.Client.As("ann").GetJson(summer), "closed");
        await Expect.Problem(
            await upgraded.Client.As("ann").Put(PriorityRoutes.Ballot("acme", "summer", "ann"), new { allocations = new[] { new { item = "oven", amount = 1 } } }),
            HttpStatusCode.Conflict);
    }

    /// <summary>
    /// In cooperative "north", which no recorded view shows, a proposal and a poll were voting towards a deadline that
    /// passed after the fixture was written. They close at it through the reminders the previous code stored, which
    /// still name grain types that exist, and closing removes those reminders.
    /// </summary>
    [Fact]
    public async Task Decisions_whose_deadline_passed_while_the_node_was_down_close_through_their_stored_reminders()
    {
        await using var upgraded = new UpgradedApi();
        Assert.Equal(["prioritypoll/north/winter", "proposal/north/fence"], upgraded.DeadlineReminders());
        var ann = upgraded.Client.As("ann");

        // The listings come from the indexes, which never activate a decision: only its reminder can close it.
        await WaitUntilListedClosed(ann, Routes.Proposals("north"), "fence");
        await WaitUntilListedClosed(ann, PriorityRoutes.Polls("north"), "winter");

        Expect.Tally(await ann.GetJson(Routes.Tally("north", "fence")), "closed", 2, 2, (1, 1, 0), true, "rejected");
        Assert.Equal(JsonValueKind.Null, (await ann.GetJson(Routes.Proposal("north", "fence"))).GetProperty("closedBy").ValueKind);
        var winter = await ann.GetJson(PriorityRoutes.Result("north", "winter"));
        Assert.Equal("closed", winter.GetProperty("status").GetString());
        Assert.Equal(["late", "early"], winter.GetProperty("ranking").EnumerateArray().Select(item => item.GetProperty("itemId").GetString()));
        Assert.Empty(upgraded.DeadlineReminders());
    }

    /// <summary>party 30 (cat, weight 3) + 3 (eve); van 12 (ann, weight 2) + 10 (fay); oven 8 (ann) + 2 (eve).</summary>
    private static void AssertDotResult(JsonElement result, string status)
    {
        Assert.Equal(status, result.GetProperty("status").GetString());
        Assert.Equal((8, 7), (result.GetProperty("eligible").GetInt32(), result.GetProperty("participation").GetInt32()));
        Assert.Equal(
            [("party", 33), ("van", 22), ("oven", 10)],
            result.GetProperty("ranking").EnumerateArray().Select(item => (item.GetProperty("itemId").GetString()!, item.GetProperty("score").GetInt32())));
    }

    private static async Task WaitUntilListedClosed(GovernanceClient client, string listing, string id)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var items = (await client.GetJson(listing)).GetProperty("items").EnumerateArray();
            if (items.Any(item => item.GetProperty("id").GetString() == id && item.GetProperty("status").GetString() == "closed"))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{id} was never listed closed in {listing}.");
    }

    /// <summary>
    /// Problem details carry the request's W3C trace id, new on every request; it says nothing about the log, so it
    /// is the one field left out of the comparison.
    /// </summary>
    private static JsonNode? Stable(RecordedRequest request, JsonNode? body)
    {
        if (request.MediaType == Expect.ProblemJson && body is JsonObject problem)
        {
            problem.Remove("traceId");
        }

        return body;
    }

    /// <summary>Where two documents first differ, such as <c>$.ranking[2].score</c>, so a failure points at the change.</summary>
    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject left, JsonObject right):
                foreach (var name in left.Select(property => property.Key).Union(right.Select(property => property.Key)))
                {
                    if (!left.ContainsKey(name) || !right.ContainsKey(name) || !JsonNode.DeepEquals(left[name], right[name]))
                    {
                        return left.ContainsKey(name) && right.ContainsKey(name) ? FirstDifference(left[name], right[name], $"{path}.{name}") : $"{path}.{name}";
                    }
                }

                return path;
            case (JsonArray left, JsonArray right):
                for (var i = 0; i < Math.Max(left.Count, right.Count); i++)
                {
                    if (i >= left.Count || i >= right.Count || !JsonNode.DeepEquals(left[i], right[i]))
                    {
                        return i < left.Count && i < right.Count ? FirstDifference(left[i], right[i], $"{path}[{i}]") : $"{path}[{i}]";
                    }
                }

                return path;
            default:
                return path;
        }
    }

    /// <summary>One line of requests.json: the view's file in expected/, who asked, the path, and what it answered.</summary>
    private sealed record RecordedRequest(string File, string As, string Path, int Status, string MediaType);
}
