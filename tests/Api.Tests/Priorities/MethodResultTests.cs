namespace Governance.Api.Tests.Priorities;

/// <summary>
/// Each method's exact result over HTTP, where ben carries cat and dan (default and poll delegations) so that his
/// ballot weighs 3 and ann's 1.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MethodResultTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string, string, string[]> Methods => new()
    {
        // Borda, 3 items: 2, 1, 0 points, tied items share the average. a: 2 + 3*0.5 = 3.5, b: 1 + 3*0.5 = 2.5, c: 0 + 3*2 = 6.
        { "borda", """{"ranking":[["a"],["b"],["c"]]}""", """{"ranking":[["c"]]}""", ["1 c 6", "2 a 3.5", "3 b 2.5"] },
        { "approval", """{"approved":["a","b"]}""", """{"approved":["b"]}""", ["1 b 4", "2 a 1", "3 c 0"] },
        { "score", """{"allocations":[{"item":"a","amount":5}]}""", """{"allocations":[{"item":"a","amount":1},{"item":"c","amount":2}]}""", ["1 a 8", "2 c 6", "3 b 0"] },
        { "quadratic", """{"allocations":[{"item":"a","amount":10}]}""", """{"allocations":[{"item":"a","amount":-3},{"item":"b","amount":1}]}""", ["1 b 3", "2 a 1", "3 c 0"] },
        { "dot", """{"allocations":[{"item":"c","amount":10}]}""", """{"allocations":[{"item":"a","amount":4},{"item":"c","amount":4}]}""", ["1 c 22", "2 a 12", "3 b 0"] },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Each_method_counts_each_ballot_with_the_members_it_carries(string method, string annBallot, string benBallot, string[] expected)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat", "dan"]);
        await Api.DelegateByDefault(cooperative, "cat", "ben");
        var poll = await Api.OpenPoll(cooperative, method);
        await Api.DelegateOnPoll(cooperative, poll, "dan", "ben");
        await Expect.Ok(await Api.SendRaw(HttpMethod.Put, PriorityRoutes.Ballot(cooperative, poll, "ann"), annBallot));
        await Expect.Ok(await Api.SendRaw(HttpMethod.Put, PriorityRoutes.Ballot(cooperative, poll, "ben"), benBallot));

        var result = await Api.Result(cooperative, poll);

        Expect.Fields(result, "status", "method", "eligible", "participation", "ranking", "schulze");
        Assert.Equal(expected, PrioritySetup.Positions(result));
        Assert.Equal((method, 4, 4), (result.GetProperty("method").GetString(), result.GetProperty("eligible").GetInt32(), result.GetProperty("participation").GetInt32()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("schulze").ValueKind);
    }

    [Fact]
    public async Task The_closed_result_is_frozen_while_delegations_change_afterwards()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        await Api.DelegateByDefault(cooperative, "cat", "ben");
        var poll = await Api.OpenPoll(cooperative);
        await Api.Rank(cooperative, poll, "ann", "a|b|c");
        await Api.Rank(cooperative, poll, "ben", "b|a|c");
        await Api.ClosePoll(cooperative, poll);
        var atClose = await Api.Observe(PriorityRoutes.Result(cooperative, poll), PriorityRoutes.Ballots(cooperative, poll), PriorityRoutes.Trace(cooperative, poll, "cat"));

        await Api.DelegateByDefault(cooperative, "cat", "ann");

        Assert.Equal(atClose, await Api.Observe(PriorityRoutes.Result(cooperative, poll), PriorityRoutes.Ballots(cooperative, poll), PriorityRoutes.Trace(cooperative, poll, "cat")));
        var result = await Api.Result(cooperative, poll);
        Assert.Equal("closed", result.GetProperty("status").GetString());
        Assert.Equal(["1 b 2", "2 a 1", "3 c 0"], PrioritySetup.Positions(result));
    }

    [Fact]
    public async Task While_voting_the_result_follows_delegation_changes()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var poll = await Api.OpenPoll(cooperative, "approval");
        await Api.CastBallot(cooperative, poll, "ann", new { approved = OnlyA });
        await Api.CastBallot(cooperative, poll, "ben", new { approved = OnlyB });
        Assert.Equal(["1 a 1 tied", "1 b 1 tied", "3 c 0"], PrioritySetup.Positions(await Api.Result(cooperative, poll)));

        await Api.DelegateByDefault(cooperative, "cat", "ben");

        Assert.Equal(["1 b 2", "2 a 1", "3 c 0"], PrioritySetup.Positions(await Api.Result(cooperative, poll)));
    }

    private static readonly string[] OnlyA = ["a"];
    private static readonly string[] OnlyB = ["b"];
}
