namespace Governance.Api.Tests.Priorities;

[Collection(ApiCollection.Name)]
public sealed class PollBallotListTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Ballots_are_listed_by_member_page_by_page_with_the_weight_each_carries()
    {
        string[] members = ["m1", "m2", "m3", "m4", "m5"];
        var cooperative = await Api.CreateCooperative(members: members);
        await Api.DelegateByDefault(cooperative, "m5", "m4");
        var poll = await Api.OpenPoll(cooperative, "approval");
        foreach (var member in members[..4].Reverse())
        {
            await Api.CastBallot(cooperative, poll, member, new { approved = new[] { member == "m1" ? "a" : "b" } });
        }

        var (items, pages) = await Api.ReadAllPages(PriorityRoutes.Ballots(cooperative, poll), 3);

        Assert.Equal(2, pages);
        Assert.Equal(["m1", "m2", "m3", "m4"], items.Select(item => item.GetProperty("memberId").GetString()));
        Assert.Equal([1, 1, 1, 2], items.Select(item => item.GetProperty("weight").GetInt32()));
        Expect.Fields(items[0], "memberId", "castAt", "weight", "ranking", "approved", "allocations");
        Assert.Equal("""["a"]""", items[0].GetProperty("approved").GetRawText());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("ranking").ValueKind);
    }

    [Fact]
    public async Task The_trace_names_the_carrier_and_every_hop_with_its_scope()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"], topics: ["budget"]);
        await Api.DelegateByDefault(cooperative, "dan", "cat");
        await Api.DelegateOnTopic(cooperative, "cat", "budget", "ben");
        var poll = await Api.OpenPoll(cooperative, topic: "budget");
        await Api.DelegateOnPoll(cooperative, poll, "ben", "ann");
        await Api.Rank(cooperative, poll, "ann", "c");

        var trace = await Api.GetJson(PriorityRoutes.Trace(cooperative, poll, "dan"));

        Assert.Equal(
            """{"memberId":"dan","counted":true,"carriedBy":"ann","chain":[{"from":"dan","to":"cat","scope":"default"},{"from":"cat","to":"ben","scope":"topic"},{"from":"ben","to":"ann","scope":"poll"}],"lostReason":null}""",
            trace.GetRawText());
        Assert.Equal(4, (await Api.GetJson(PriorityRoutes.Ballots(cooperative, poll))).GetProperty("items")[0].GetProperty("weight").GetInt32());
    }

    [Fact]
    public async Task Lost_weight_shows_why_in_the_trace()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "ben", "cat");
        await Api.DelegateByDefault(cooperative, "cat", "ben");
        var poll = await Api.OpenPoll(cooperative);
        await Api.AddMembers(cooperative, "late");

        Assert.Equal("cycle", (await Api.GetJson(PriorityRoutes.Trace(cooperative, poll, "ben"))).GetProperty("lostReason").GetString());
        Assert.Equal("noDirectVoter", (await Api.GetJson(PriorityRoutes.Trace(cooperative, poll, "ann"))).GetProperty("lostReason").GetString());
        Assert.Equal(
            """{"memberId":"late","counted":false,"carriedBy":null,"chain":[],"lostReason":"notEligible"}""",
            (await Api.GetJson(PriorityRoutes.Trace(cooperative, poll, "late"))).GetRawText());
        await Expect.Problem(await Api.Get(PriorityRoutes.Trace(cooperative, poll, "stranger")), HttpStatusCode.NotFound, "member-not-found");
    }

    [Fact]
    public async Task A_trace_before_opening_is_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var poll = await Api.CreatePoll(cooperative);

        await Expect.Problem(await Api.Get(PriorityRoutes.Trace(cooperative, poll, "ann")), HttpStatusCode.Conflict, "voting-not-open");
    }
}
