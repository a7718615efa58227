namespace Governance.Api.Tests.Priorities;

[Collection(ApiCollection.Name)]
public sealed class PollDelegationTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_poll_delegation_beats_the_topic_and_default_and_deleting_it_restores_them()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "cat", "ann");
        await Api.DelegateOnTopic(cooperative, "cat", "budget", "ben");
        var poll = await Api.OpenPoll(cooperative, "approval", topic: "budget");
        await Api.CastBallot(cooperative, poll, "ann", new { approved = OnlyA });
        await Api.CastBallot(cooperative, poll, "ben", new { approved = OnlyB });
        Assert.Equal("ben", await CarrierOf(cooperative, poll, "cat"));

        var set = await Api.DelegateOnPoll(cooperative, poll, "cat", "ann");

        Assert.Equal("""{"delegateId":"ann"}""", set.GetRawText());
        Assert.Equal("ann", await CarrierOf(cooperative, poll, "cat"));
        Assert.Equal(["1 a 2", "2 b 1", "3 c 0"], PrioritySetup.Positions(await Api.Result(cooperative, poll)));

        await Expect.NoContent(await Api.Delete(PriorityRoutes.Delegation(cooperative, poll, "cat")));

        Assert.Equal("ben", await CarrierOf(cooperative, poll, "cat"));
    }

    [Fact]
    public async Task An_explicit_block_on_the_poll_stops_the_broader_delegations()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        var poll = await Api.OpenPoll(cooperative);
        await Api.Rank(cooperative, poll, "ann", "a");

        Assert.Equal("""{"delegateId":null}""", (await Api.DelegateOnPoll(cooperative, poll, "ben", null)).GetRawText());

        var trace = await Api.GetJson(PriorityRoutes.Trace(cooperative, poll, "ben"));
        Assert.Equal(("noDirectVoter", 0), (trace.GetProperty("lostReason").GetString(), trace.GetProperty("chain").GetArrayLength()));
        Assert.Equal(1, (await Api.Result(cooperative, poll)).GetProperty("participation").GetInt32());
    }

    [Fact]
    public async Task Delegations_may_be_set_in_discussion_but_not_after_the_close()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var poll = await Api.CreatePoll(cooperative);
        await Api.DelegateOnPoll(cooperative, poll, "ben", "ann");
        await Expect.Ok(await Api.Post(PriorityRoutes.Open(cooperative, poll)));
        await Api.Rank(cooperative, poll, "ann", "a");
        await Api.ClosePoll(cooperative, poll);
        var before = await Api.Observe(PriorityRoutes.Result(cooperative, poll), PriorityRoutes.Trace(cooperative, poll, "ben"));

        await Expect.Problem(await Api.Put(PriorityRoutes.Delegation(cooperative, poll, "ben"), new { delegateId = (string?)null }), HttpStatusCode.Conflict, "poll-closed");
        await Expect.Problem(await Api.Delete(PriorityRoutes.Delegation(cooperative, poll, "ben")), HttpStatusCode.Conflict, "poll-closed");

        Assert.Equal(before, await Api.Observe(PriorityRoutes.Result(cooperative, poll), PriorityRoutes.Trace(cooperative, poll, "ben")));
        Assert.Equal(2, (await Api.Result(cooperative, poll)).GetProperty("participation").GetInt32());
    }

    [Fact]
    public async Task Delegating_to_yourself_or_to_a_non_member_is_a_400()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var poll = await Api.OpenPoll(cooperative);

        await Expect.Problem(await Api.Put(PriorityRoutes.Delegation(cooperative, poll, "ben"), new { delegateId = "ben" }), HttpStatusCode.BadRequest, "self-delegation", "delegateId");
        await Expect.Problem(await Api.Put(PriorityRoutes.Delegation(cooperative, poll, "ben"), new { delegateId = "zed" }), HttpStatusCode.BadRequest, "delegate-not-member", "delegateId");

        Assert.Equal("noDirectVoter", (await Api.GetJson(PriorityRoutes.Trace(cooperative, poll, "ben"))).GetProperty("lostReason").GetString());
    }

    private static readonly string[] OnlyA = ["a"];
    private static readonly string[] OnlyB = ["b"];

    private async Task<string?> CarrierOf(string cooperative, string poll, string member) =>
        (await Api.GetJson(PriorityRoutes.Trace(cooperative, poll, member))).GetProperty("carriedBy").GetString();
}
