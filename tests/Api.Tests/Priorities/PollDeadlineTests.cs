namespace Governance.Api.Tests.Priorities;

/// <summary>Deadlines, on the silo whose clock tests move forward (see <see cref="ClockCollection"/>).</summary>
[Collection(ClockCollection.Name)]
public sealed class PollDeadlineTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Ballots_and_delegations_after_closesAt_are_a_409_even_before_the_close_has_run()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var poll = await Api.OpenPoll(cooperative, closesAt: Factory.Clock.GetUtcNow().AddHours(1));
        await Api.Rank(cooperative, poll, "ann", "a");

        Factory.Clock.Advance(TimeSpan.FromHours(2));
        var before = await Api.Observe(PriorityRoutes.Result(cooperative, poll), PriorityRoutes.Ballots(cooperative, poll));

        await Expect.Problem(await Api.Put(PriorityRoutes.Ballot(cooperative, poll, "ben"), new { ranking = PrioritySetup.Ranking("b") }), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Delete(PriorityRoutes.Ballot(cooperative, poll, "ann")), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Put(PriorityRoutes.Delegation(cooperative, poll, "cat"), new { delegateId = "ann" }), HttpStatusCode.Conflict, "poll-closed");

        Assert.Equal(before, await Api.Observe(PriorityRoutes.Result(cooperative, poll), PriorityRoutes.Ballots(cooperative, poll)));
    }

    [Fact]
    public async Task Opening_after_the_deadline_is_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var poll = await Api.CreatePoll(cooperative, closesAt: Factory.Clock.GetUtcNow().AddHours(1));
        Factory.Clock.Advance(TimeSpan.FromHours(2));

        await Expect.Problem(await Api.Post(PriorityRoutes.Open(cooperative, poll)), HttpStatusCode.Conflict, "deadline-passed");

        Assert.Equal("discussion", (await Api.GetJson(PriorityRoutes.Poll(cooperative, poll))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_poll_closes_by_itself_at_the_deadline_and_the_list_shows_it()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        var poll = await Api.OpenPoll(cooperative, closesAt: Factory.Clock.GetUtcNow().AddSeconds(2));
        await Api.Rank(cooperative, poll, "ann", "b|a");

        var status = "voting";
        for (var waited = TimeSpan.Zero; status == "voting" && waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(200))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            status = (await Api.GetJson(PriorityRoutes.Poll(cooperative, poll))).GetProperty("status").GetString();
        }

        Assert.Equal("closed", status);
        Assert.Equal(JsonValueKind.Null, (await Api.GetJson(PriorityRoutes.Poll(cooperative, poll))).GetProperty("closedBy").ValueKind);
        var result = await Api.Result(cooperative, poll);
        Assert.Equal(("closed", 2), (result.GetProperty("status").GetString(), result.GetProperty("participation").GetInt32()));
        Assert.Equal(["1 b 2", "2 a 1", "3 c 0"], PrioritySetup.Positions(result));
        Assert.Equal(["closed"], Expect.IdsOf((await Api.GetJson(PriorityRoutes.Polls(cooperative))).GetProperty("items"), "status"));
    }
}
