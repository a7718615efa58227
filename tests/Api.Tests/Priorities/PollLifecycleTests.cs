namespace Governance.Api.Tests.Priorities;

[Collection(ApiCollection.Name)]
public sealed class PollLifecycleTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Admins_open_and_close_and_the_poll_names_who_did()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Expect.Ok(await Api.As("ann").Put(Routes.Role(cooperative, "ben"), new { role = "admin" }));
        var id = Ids.New("poll");
        await Expect.Created(
            await Api.As("cat").Post(PriorityRoutes.Polls(cooperative), new { id, title = "Paint", method = "approval", items = PrioritySetup.Items("red", "blue") }),
            PriorityRoutes.Poll(cooperative, id));
        var before = DateTimeOffset.UtcNow;

        var opened = await Expect.Ok(await Api.As("ann").Post(PriorityRoutes.Open(cooperative, id)));
        Expect.Fields(opened, CreatePollTests.ViewFields);
        Assert.Equal("voting", opened.GetProperty("status").GetString());
        Assert.InRange(Expect.Instant(opened, "openedAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(JsonValueKind.Null, opened.GetProperty("closedAt").ValueKind);

        var closed = await Expect.Ok(await Api.As("ben").Post(PriorityRoutes.Close(cooperative, id)));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.InRange(Expect.Instant(closed, "closedAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(
            ("cat", "ann", "ben"),
            (closed.GetProperty("createdBy").GetString(), closed.GetProperty("openedBy").GetString(), closed.GetProperty("closedBy").GetString()));
        Assert.Equal(closed.GetRawText(), (await Api.GetJson(PriorityRoutes.Poll(cooperative, id))).GetRawText());
    }

    [Fact]
    public async Task Opening_twice_is_a_409_and_keeps_the_first_opening()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var poll = await Api.OpenPoll(cooperative);
        var before = await Api.Observe(PriorityRoutes.Poll(cooperative, poll), PriorityRoutes.Result(cooperative, poll));

        await Expect.Problem(await Api.Post(PriorityRoutes.Open(cooperative, poll)), HttpStatusCode.Conflict, "not-in-discussion");

        Assert.Equal(before, await Api.Observe(PriorityRoutes.Poll(cooperative, poll), PriorityRoutes.Result(cooperative, poll)));
    }

    [Fact]
    public async Task Closing_in_discussion_or_twice_is_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var discussion = await Api.CreatePoll(cooperative);
        var closed = await Api.OpenPoll(cooperative);
        await Api.ClosePoll(cooperative, closed);
        var before = await Api.Observe(PriorityRoutes.Poll(cooperative, discussion), PriorityRoutes.Poll(cooperative, closed), PriorityRoutes.Result(cooperative, closed));

        await Expect.Problem(await Api.Post(PriorityRoutes.Close(cooperative, discussion)), HttpStatusCode.Conflict, "not-voting");
        await Expect.Problem(await Api.Post(PriorityRoutes.Close(cooperative, closed)), HttpStatusCode.Conflict, "not-voting");
        await Expect.Problem(await Api.Post(PriorityRoutes.Open(cooperative, closed)), HttpStatusCode.Conflict, "not-in-discussion");

        Assert.Equal(before, await Api.Observe(PriorityRoutes.Poll(cooperative, discussion), PriorityRoutes.Poll(cooperative, closed), PriorityRoutes.Result(cooperative, closed)));
    }

    [Fact]
    public async Task In_discussion_the_result_counts_nothing_and_every_item_ties_first()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var poll = await Api.CreatePoll(cooperative, "borda");

        var result = await Api.Result(cooperative, poll);

        Assert.Equal(
            """{"status":"discussion","method":"borda","eligible":0,"participation":0,"ranking":[{"position":1,"itemId":"a","title":"Item A","score":0,"tied":true},{"position":1,"itemId":"b","title":"Item B","score":0,"tied":true},{"position":1,"itemId":"c","title":"Item C","score":0,"tied":true}],"schulze":null}""",
            result.GetRawText());
    }

    public static TheoryData<string, string, string?> PollRoutes => new()
    {
        { "GET", "/v1/cooperatives/{c}/priorities/{p}", null },
        { "POST", "/v1/cooperatives/{c}/priorities/{p}/open", null },
        { "POST", "/v1/cooperatives/{c}/priorities/{p}/close", null },
        { "GET", "/v1/cooperatives/{c}/priorities/{p}/result", null },
        { "GET", "/v1/cooperatives/{c}/priorities/{p}/ballots", null },
        { "PUT", "/v1/cooperatives/{c}/priorities/{p}/ballots/{m}", """{"ranking":[["a"]]}""" },
        { "DELETE", "/v1/cooperatives/{c}/priorities/{p}/ballots/{m}", null },
        { "GET", "/v1/cooperatives/{c}/priorities/{p}/ballots/{m}/trace", null },
        { "PUT", "/v1/cooperatives/{c}/priorities/{p}/delegations/{m}", """{"delegateId":null}""" },
        { "DELETE", "/v1/cooperatives/{c}/priorities/{p}/delegations/{m}", null },
    };

    [Theory]
    [MemberData(nameof(PollRoutes))]
    public async Task Every_route_under_an_unknown_poll_is_a_404(string method, string template, string? body)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var path = template.Replace("{c}", cooperative).Replace("{p}", "nope").Replace("{m}", "ann");

        var response = body is null ? await Api.Send(new HttpMethod(method), path, null) : await Api.SendRaw(new HttpMethod(method), path, body);

        await Expect.Problem(response, HttpStatusCode.NotFound, "poll-not-found");
        Assert.Empty((await Api.GetJson(PriorityRoutes.Polls(cooperative))).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(PollRoutes))]
    public async Task A_malformed_poll_id_is_a_400(string method, string template, string? body)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var path = template.Replace("{c}", cooperative).Replace("{p}", "bad%20id").Replace("{m}", "ann");

        var response = body is null ? await Api.Send(new HttpMethod(method), path, null) : await Api.SendRaw(new HttpMethod(method), path, body);

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-id", "pollId");
    }
}
