namespace Governance.Api.Tests.Priorities;

[Collection(ApiCollection.Name)]
public sealed class SchulzeResultTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Delegated_weight_changes_the_winner_and_shows_on_the_ballots()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan", "eve"]);
        var poll = await Api.OpenPoll(cooperative);
        await Api.Rank(cooperative, poll, "ann", "a|b|c");
        await Api.Rank(cooperative, poll, "ben", "b|c|a");
        await Api.Rank(cooperative, poll, "cat", "a|c|b");

        var before = await Api.Result(cooperative, poll);
        Assert.Equal(["1 a 2", "2 b 1", "3 c 0"], PrioritySetup.Positions(before));
        Assert.Equal(3, before.GetProperty("participation").GetInt32());

        await Api.DelegateByDefault(cooperative, "dan", "ben");
        await Api.DelegateOnPoll(cooperative, poll, "eve", "dan");

        var after = await Api.Result(cooperative, poll);
        Expect.Fields(after, "status", "method", "eligible", "participation", "ranking", "schulze");
        Assert.Equal(("voting", "schulze", 5, 5), (after.GetProperty("status").GetString(), after.GetProperty("method").GetString(), after.GetProperty("eligible").GetInt32(), after.GetProperty("participation").GetInt32()));
        Assert.Equal(
            """[{"position":1,"itemId":"b","title":"Item B","score":2,"tied":false},{"position":2,"itemId":"c","title":"Item C","score":1,"tied":false},{"position":3,"itemId":"a","title":"Item A","score":0,"tied":false}]""",
            after.GetProperty("ranking").GetRawText());
        Assert.Equal(
            """{"preferences":{"a":{"b":2,"c":2},"b":{"a":3,"c":4},"c":{"a":3,"b":1}},"strongestPaths":{"a":{"b":0,"c":0},"b":{"a":3,"c":4},"c":{"a":3,"b":0}}}""",
            after.GetProperty("schulze").GetRawText());
        var ballots = (await Api.GetJson(PriorityRoutes.Ballots(cooperative, poll))).GetProperty("items");
        Assert.Equal([("ann", 1), ("ben", 3), ("cat", 1)], ballots.EnumerateArray().Select(ballot => (ballot.GetProperty("memberId").GetString(), ballot.GetProperty("weight").GetInt32())));
    }
}
