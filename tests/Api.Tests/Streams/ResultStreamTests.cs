using System.Net.Http.Headers;

namespace Governance.Api.Tests.Streams;

/// <summary>
/// Live results over text/event-stream: the current result first, then each change, each message's data exactly the
/// body of the plain read, then the final result and the end of the stream.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ResultStreamTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_tally_stream_follows_votes_and_delegations_to_the_final_result_and_ends()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var proposal = await Api.OpenProposal(cooperative);
        await using var stream = await Api.OpenStream(Routes.Tally(cooperative, proposal) + "/stream");

        var first = await NextTally(stream);
        Assert.Equal(0, Counts(first).Yes);

        await Api.Vote(cooperative, proposal, "ann", "yes");
        Assert.Equal((1, 0, 0), Counts(await NextTally(stream)));

        // A default delegation is the cooperative's, not the proposal's: the stream sees it all the same.
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        Assert.Equal((2, 0, 0), Counts(await NextTally(stream)));

        await Api.DelegateOnProposal(cooperative, proposal, "cat", "ben");
        var live = await NextTally(stream);
        Assert.Equal((3, 0, 0), Counts(live));
        Assert.Equal((await Api.Tally(cooperative, proposal)).ToString(), live.Data);

        await Api.Close(cooperative, proposal);
        var final = await NextTally(stream);
        Assert.Equal("closed", final.Json.GetProperty("status").GetString());
        Assert.Equal((await Api.Tally(cooperative, proposal)).ToString(), final.Data);
        Assert.Null(await stream.NextEventAsync());
    }

    [Fact]
    public async Task Votes_in_quick_succession_reach_the_stream_at_most_four_messages_a_second()
    {
        string[] voters = [.. Enumerable.Range(0, 20).Select(index => $"v{index:00}")];
        var cooperative = await Api.CreateCooperative(members: voters);
        var proposal = await Api.OpenProposal(cooperative);
        await using var stream = await Api.OpenStream(Routes.Tally(cooperative, proposal) + "/stream");
        Assert.Equal(0, Counts(await NextTally(stream)).Yes);

        // One vote every 30 ms or so, each its own change, not one write for all.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var voter in voters)
        {
            await Api.Vote(cooperative, proposal, voter, "yes");
            await Task.Delay(30);
        }

        var messages = 1;
        while (Counts(await NextTally(stream)).Yes < voters.Length)
        {
            messages++;
        }

        var quarters = (int)(clock.Elapsed.TotalMilliseconds / 250);
        Assert.InRange(messages, 1, quarters + 2);
    }

    [Fact]
    public async Task A_stream_is_sent_unbuffered_and_uncached_as_text_event_stream()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);

        await using var stream = await Api.OpenStream(Routes.Tally(cooperative, proposal) + "/stream");

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new CacheControlHeaderValue { NoCache = true, NoStore = true }, stream.Response.Headers.CacheControl);
        Assert.Equal(["no"], stream.Response.Headers.GetValues("X-Accel-Buffering"));
    }

    [Fact]
    public async Task A_reconnect_with_the_last_event_id_skips_what_it_saw_and_resumes_with_what_changed()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        var path = Routes.Tally(cooperative, proposal) + "/stream";
        string seen;
        await using (var stream = await Api.OpenStream(path))
        {
            seen = (await NextTally(stream)).Id!;
        }

        await using (var resumed = await Api.OpenStream(path, lastEventId: seen))
        {
            // Nothing changed since: the result it saw is not sent again.
            Assert.True(await resumed.QuietFor(TimeSpan.FromSeconds(1)));
            await Api.Vote(cooperative, proposal, "ben", "no");
            var next = await NextTally(resumed);
            Assert.NotEqual(seen, next.Id);
            Assert.Equal((1, 1, 0), Counts(next));
        }

        await using var stale = await Api.OpenStream(path, lastEventId: seen);
        Assert.Equal((1, 1, 0), Counts(await NextTally(stale)));
    }

    [Fact]
    public async Task A_closed_decisions_stream_sends_its_final_result_and_ends()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "no");
        await Api.Close(cooperative, proposal);

        await using var stream = await Api.OpenStream(Routes.Tally(cooperative, proposal) + "/stream");

        Assert.Equal((0, 1, 0), Counts(await NextTally(stream)));
        Assert.Null(await stream.NextEventAsync());
    }

    [Fact]
    public async Task A_poll_result_stream_sends_result_messages_that_are_the_result_read()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var poll = await Api.OpenPoll(cooperative);
        await using var stream = await Api.OpenStream(PriorityRoutes.Poll(cooperative, poll) + "/result/stream");
        Assert.Equal("result", (await stream.NextEventAsync())!.Event);

        await Api.Rank(cooperative, poll, "ann", "c|b|a");
        var message = (await stream.NextEventAsync())!;

        Assert.Equal("result", message.Event);
        Assert.Equal((await Api.GetJson(PriorityRoutes.Poll(cooperative, poll) + "/result")).ToString(), message.Data);
        Assert.Equal("c", message.Json.GetProperty("ranking")[0].GetProperty("itemId").GetString());
    }

    [Fact]
    public async Task An_unknown_decision_is_a_404_before_any_stream_starts()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await using var stream = await Api.OpenStream(Routes.Tally(cooperative, "nope") + "/stream");

        await Expect.Problem(stream.Response, HttpStatusCode.NotFound, "proposal-not-found");
    }

    private static async Task<StreamMessage> NextTally(EventStream stream)
    {
        var message = await stream.NextEventAsync() ?? throw new InvalidOperationException("The stream ended.");
        Assert.Equal("tally", message.Event);
        return message;
    }

    private static (int Yes, int No, int Abstain) Counts(StreamMessage message)
    {
        var counts = message.Json.GetProperty("counts");
        return (counts.GetProperty("yes").GetInt32(), counts.GetProperty("no").GetInt32(), counts.GetProperty("abstain").GetInt32());
    }
}
