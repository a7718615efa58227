using Governance.Api.Tests.Feed;

namespace Governance.Api.Tests.Streams;

/// <summary>The feed as a stream: what is recorded after the cursor, then each new event, resumable from any message's id.</summary>
[Collection(ApiCollection.Name)]
public sealed class FeedStreamTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_feed_stream_replays_the_feed_then_sends_each_new_event_as_it_is_recorded()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var recorded = await FeedReading.WaitForCount(Api, cooperative, 2);
        await using var stream = await Api.OpenStream(Routes.Cooperative(cooperative) + "/events/stream");

        var replayed = new[] { await NextEvent(stream), await NextEvent(stream) };
        await Api.AddMembers(cooperative, "cat");
        var live = await NextEvent(stream);

        Assert.Equal(recorded.Select(item => item.ToString()), replayed.Select(message => message.Data));
        Assert.Equal(recorded.Select(item => item.GetProperty("type").GetString()), replayed.Select(message => message.Event));
        Assert.Equal("member.joined", live.Event);
        Assert.Equal("cat", live.Json.GetProperty("data").GetProperty("memberId").GetString());
        var feed = await Api.GetJson(Routes.WithQuery(Routes.Cooperative(cooperative) + "/events", ("after", replayed[1].Id)));
        Assert.Equal(live.Data, Assert.Single(feed.GetProperty("items").EnumerateArray()).ToString());
    }

    [Fact]
    public async Task A_reconnect_with_the_last_event_id_resumes_after_that_event_and_the_header_wins_over_after()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"]);
        var all = await FeedReading.WaitForCount(Api, cooperative, 4);
        var path = Routes.Cooperative(cooperative) + "/events/stream";
        string resumeFrom;
        await using (var first = await Api.OpenStream(path))
        {
            await NextEvent(first);
            resumeFrom = (await NextEvent(first)).Id!;
        }

        await using var resumed = await Api.OpenStream(Routes.WithQuery(path, ("after", "0")), lastEventId: resumeFrom);

        Assert.Equal(all[2].ToString(), (await NextEvent(resumed)).Data);
        Assert.Equal(all[3].ToString(), (await NextEvent(resumed)).Data);
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeat_comments()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await using var stream = await Api.OpenStream(Routes.Tally(cooperative, proposal) + "/stream");
        Assert.Equal("tally", (await stream.NextAsync())!.Event);

        var next = await stream.NextAsync(within: TimeSpan.FromSeconds(5));

        Assert.Equal("heartbeat", next?.Comment);
    }

    [Fact]
    public async Task A_cursor_that_is_no_version_is_a_400_before_any_stream_starts()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await using var stream = await Api.OpenStream(Routes.WithQuery(Routes.Cooperative(cooperative) + "/events/stream", ("after", "abc")));

        await Expect.Problem(stream.Response, HttpStatusCode.BadRequest, "invalid-cursor", "after");
    }

    [Fact]
    public async Task One_caller_may_hold_only_so_many_streams_and_a_closed_one_frees_its_slot()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var path = Routes.Cooperative(cooperative) + "/events/stream";
        var reader = Api.As("ann");
        var open = new List<EventStream>();
        for (var index = 0; index < 5; index++)
        {
            open.Add(await reader.OpenStream(path));
        }

        await using (var refused = await reader.OpenStream(path))
        {
            await Expect.Problem(refused.Response, HttpStatusCode.TooManyRequests, "too-many-streams");
            Assert.NotNull(refused.Response.Headers.RetryAfter);
        }

        await open[0].DisposeAsync();
        await using var again = await WaitForSlot(reader, path);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        foreach (var stream in open.Skip(1))
        {
            await stream.DisposeAsync();
        }
    }

    /// <summary>The server sees a stream closed once the connection's end reaches it, a moment after the client closed it.</summary>
    private static async Task<EventStream> WaitForSlot(GovernanceClient reader, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stream = await reader.OpenStream(path);
            if (stream.Response.StatusCode != HttpStatusCode.TooManyRequests || attempt == 50)
            {
                return stream;
            }

            await stream.DisposeAsync();
            await Task.Delay(100);
        }
    }

    private static async Task<StreamMessage> NextEvent(EventStream stream) =>
        await stream.NextEventAsync() ?? throw new InvalidOperationException("The stream ended.");
}
