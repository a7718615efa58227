namespace Governance.Api.Tests.Streams;

/// <summary>
/// Stream tickets, the way in for a browser's EventSource: one stream, as the member who asked, for a minute, and
/// never a long-lived token in a URL.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class StreamTicketTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_ticket_opens_its_stream_without_a_header_as_the_member_who_asked()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        var path = Routes.Tally(cooperative, proposal) + "/stream";

        var before = Factory.Clock.GetUtcNow();
        var issued = await Expect.Ok(await Api.As("ben").Post(Tickets(cooperative), new { path }));
        var after = Factory.Clock.GetUtcNow();
        var url = issued.GetProperty("url").GetString()!;
        await using var stream = await Api.Anonymous.OpenStream(url);

        Assert.StartsWith(path + "?ticket=", url);
        Assert.Equal(issued.GetProperty("ticket").GetString(), url[(path.Length + "?ticket=".Length)..]);
        Assert.InRange(issued.GetProperty("expiresAt").GetDateTimeOffset(), before + TimeSpan.FromMinutes(1), after + TimeSpan.FromMinutes(1));
        Assert.Equal("tally", (await stream.NextEventAsync())!.Event);
    }

    [Fact]
    public async Task A_ticket_opens_no_other_stream_and_no_other_route()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        var ticket = await IssueFor(cooperative, Routes.Tally(cooperative, proposal) + "/stream");

        await using var other = await Api.Anonymous.OpenStream($"{Routes.Cooperative(cooperative)}/events/stream?ticket={ticket}");
        await Expect.Problem(other.Response, HttpStatusCode.Unauthorized, "unauthenticated");
        await Expect.Problem(await Api.Anonymous.Get($"{Routes.Tally(cooperative, proposal)}?ticket={ticket}"), HttpStatusCode.Unauthorized, "unauthenticated");
        await using var forged = await Api.Anonymous.OpenStream($"{Routes.Tally(cooperative, proposal)}/stream?ticket=not-{ticket}");
        await Expect.Problem(forged.Response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_ticket_expires_after_a_minute()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var path = Routes.Cooperative(cooperative) + "/events/stream";
        var ticket = await IssueFor(cooperative, path);

        Factory.Clock.Advance(TimeSpan.FromSeconds(61));
        await using var stream = await Api.Anonymous.OpenStream($"{path}?ticket={ticket}");

        await Expect.Problem(stream.Response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task A_member_who_left_gets_nothing_from_a_ticket_issued_before()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var path = Routes.Cooperative(cooperative) + "/events/stream";
        var issued = await Expect.Ok(await Api.As("ben").Post(Tickets(cooperative), new { path }));
        await Expect.NoContent(await Api.As("ben").Delete(Routes.Member(cooperative, "ben")));

        await using var stream = await Api.Anonymous.OpenStream(issued.GetProperty("url").GetString()!);

        await Expect.Problem(stream.Response, HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Theory]
    [InlineData("/v1/cooperatives/{other}/events/stream")]
    [InlineData("/v1/cooperatives/{cooperative}/events")]
    [InlineData("/v1/cooperatives/{cooperative}/proposals/p/votes/stream")]
    [InlineData("/v1/cooperatives/{cooperative}/events/stream?after=3")]
    public async Task A_ticket_is_only_for_one_of_the_cooperatives_own_streams(string path)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var other = await Api.CreateCooperative(members: ["ann"]);

        var response = await Api.As("ann").Post(Tickets(cooperative), new { path = path.Replace("{cooperative}", cooperative).Replace("{other}", other) });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-stream-path", "path");
    }

    [Fact]
    public async Task A_ticket_request_without_a_path_is_a_400()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.As("ann").Post(Tickets(cooperative), new { }), HttpStatusCode.BadRequest, "invalid-stream-path", "path");
    }

    private static string Tickets(string cooperativeId) => $"{Routes.Cooperative(cooperativeId)}/stream-tickets";

    private async Task<string> IssueFor(string cooperativeId, string path) =>
        (await Expect.Ok(await Api.As(Api.FounderOf(cooperativeId)).Post(Tickets(cooperativeId), new { path }))).GetProperty("ticket").GetString()!;
}
