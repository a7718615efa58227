namespace Governance.Api.Tests.Priorities;

/// <summary>Every ballot rule of every method, and the state a ballot needs, each with its exact refusal.</summary>
[Collection(ApiCollection.Name)]
public sealed class BallotRuleTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] OnlyA = ["a"];
    private static readonly string[] OnlyB = ["b"];

    /// <summary>Method, the poll's parameter (if any), a ballot body, its code and the field named. Items are a, b and c.</summary>
    public static TheoryData<string, string, string, string> InvalidBallots => new()
    {
        { "schulze", """{"ranking":[["a"],["z"]]}""", "unknown-item", "ranking" },
        { "schulze", """{"ranking":[["a"],["b","a"]]}""", "duplicate-item", "ranking" },
        { "schulze", """{"ranking":[["a"],[]]}""", "empty-rank", "ranking" },
        { "schulze", """{"ranking":[["a"],null]}""", "empty-rank", "ranking" },
        { "schulze", """{"ranking":[["a",null]]}""", "unknown-item", "ranking" },
        { "schulze", """{"approved":["a"]}""", "wrong-ballot-method", "ranking" },
        { "schulze", """{"ranking":[["a"]],"approved":["a"]}""", "wrong-ballot-method", "ranking" },
        { "schulze", """{}""", "wrong-ballot-method", "ranking" },
        { "borda", """{"ranking":[["z"]]}""", "unknown-item", "ranking" },
        { "borda", """{"ranking":[["a","a"]]}""", "duplicate-item", "ranking" },
        { "borda", """{"ranking":[[]]}""", "empty-rank", "ranking" },
        { "borda", """{"allocations":[{"item":"a","amount":1}]}""", "wrong-ballot-method", "ranking" },
        { "approval", """{"approved":["z"]}""", "unknown-item", "approved" },
        { "approval", """{"approved":["a","a"]}""", "duplicate-item", "approved" },
        { "approval", """{"approved":[null]}""", "unknown-item", "approved" },
        { "approval", """{"ranking":[["a"]]}""", "wrong-ballot-method", "approved" },
        { "score", """{"allocations":[{"item":"z","amount":1}]}""", "unknown-item", "allocations" },
        { "score", """{"allocations":[{"item":"a","amount":1},{"item":"a","amount":2}]}""", "duplicate-item", "allocations" },
        { "score", """{"allocations":[{"item":"a","amount":6}]}""", "score-out-of-range", "allocations" },
        { "score", """{"allocations":[{"item":"a","amount":-1}]}""", "score-out-of-range", "allocations" },
        { "score", """{"allocations":[null]}""", "unknown-item", "allocations" },
        { "score", """{"allocations":[{"amount":1}]}""", "unknown-item", "allocations" },
        { "score", """{"approved":["a"]}""", "wrong-ballot-method", "allocations" },
        { "quadratic", """{"allocations":[{"item":"z","amount":1}]}""", "unknown-item", "allocations" },
        { "quadratic", """{"allocations":[{"item":"b","amount":1},{"item":"b","amount":-1}]}""", "duplicate-item", "allocations" },
        { "quadratic", """{"allocations":[{"item":"a","amount":10},{"item":"b","amount":-1}]}""", "over-budget", "allocations" },
        { "quadratic", """{"ranking":[["a"]]}""", "wrong-ballot-method", "allocations" },
        { "dot", """{"allocations":[{"item":"z","amount":1}]}""", "unknown-item", "allocations" },
        { "dot", """{"allocations":[{"item":"c","amount":1},{"item":"c","amount":1}]}""", "duplicate-item", "allocations" },
        { "dot", """{"allocations":[{"item":"a","amount":6},{"item":"b","amount":5}]}""", "over-budget", "allocations" },
        { "dot", """{"allocations":[{"item":"a","amount":-1}]}""", "negative-points", "allocations" },
        { "dot", """{"approved":[]}""", "wrong-ballot-method", "allocations" },
        { "dot", """{"allocations":[{"item":"a","amount":"many"}]}""", "malformed-request", "allocations[0].amount" },
        { "dot", """{"points":{"a":1}}""", "malformed-request", "points" },
    };

    [Theory]
    [MemberData(nameof(InvalidBallots))]
    public async Task A_ballot_that_breaks_its_methods_rules_is_a_400_and_changes_nothing(string method, string body, string code, string field)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var poll = await Api.OpenPoll(cooperative, method);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        await Api.CastBallot(cooperative, poll, "ann", ValidBallot(method));
        var before = await Observe(cooperative, poll);

        var response = await Api.SendRaw(HttpMethod.Put, PriorityRoutes.Ballot(cooperative, poll, "ann"), body);

        await Expect.Problem(response, HttpStatusCode.BadRequest, code, field);
        Assert.Equal(before, await Observe(cooperative, poll));
    }

    [Fact]
    public async Task The_polls_own_parameter_sets_the_limit()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var score = await Api.OpenPoll(cooperative, "score", parameters: ("maxScore", 9));
        var quadratic = await Api.OpenPoll(cooperative, "quadratic", parameters: ("creditBudget", 4));

        await Api.CastBallot(cooperative, score, "ann", new { allocations = new[] { new { item = "a", amount = 9 } } });
        await Expect.Problem(
            await Api.Put(PriorityRoutes.Ballot(cooperative, score, "ann"), new { allocations = new[] { new { item = "a", amount = 10 } } }),
            HttpStatusCode.BadRequest, "score-out-of-range", "allocations");
        await Api.CastBallot(cooperative, quadratic, "ann", new { allocations = new[] { new { item = "a", amount = -2 } } });
        await Expect.Problem(
            await Api.Put(PriorityRoutes.Ballot(cooperative, quadratic, "ann"), new { allocations = new[] { new { item = "a", amount = 2 }, new { item = "b", amount = 1 } } }),
            HttpStatusCode.BadRequest, "over-budget", "allocations");
    }

    [Fact]
    public async Task A_ballot_returns_what_was_cast_and_replacing_it_counts_only_the_new_one()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var poll = await Api.OpenPoll(cooperative, "dot");
        var before = DateTimeOffset.UtcNow;

        var cast = await Api.CastBallot(cooperative, poll, "ann", new { allocations = new[] { new { item = "b", amount = 10 } } });
        Expect.Fields(cast, "memberId", "castAt", "ranking", "approved", "allocations");
        Assert.Equal("""[{"item":"b","amount":10}]""", cast.GetProperty("allocations").GetRawText());
        Assert.InRange(Expect.Instant(cast, "castAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        await Api.CastBallot(cooperative, poll, "ann", new { allocations = new[] { new { item = "c", amount = 3 } } });

        Assert.Equal(["1 c 3", "2 a 0 tied", "2 b 0 tied"], PrioritySetup.Positions(await Api.Result(cooperative, poll)));
    }

    [Fact]
    public async Task Withdrawing_removes_the_ballot_and_lets_the_delegation_apply_again()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        await Api.DelegateByDefault(cooperative, "ben", "ann");
        var poll = await Api.OpenPoll(cooperative, "approval");
        await Api.CastBallot(cooperative, poll, "ann", new { approved = OnlyA });
        await Api.CastBallot(cooperative, poll, "ben", new { approved = OnlyB });
        Assert.Equal(["1 a 1 tied", "1 b 1 tied", "3 c 0"], PrioritySetup.Positions(await Api.Result(cooperative, poll)));

        await Expect.NoContent(await Api.Delete(PriorityRoutes.Ballot(cooperative, poll, "ben")));
        await Expect.NoContent(await Api.Delete(PriorityRoutes.Ballot(cooperative, poll, "ben")));

        Assert.Equal(["1 a 2", "2 b 0 tied", "2 c 0 tied"], PrioritySetup.Positions(await Api.Result(cooperative, poll)));
        Assert.Equal(["ann"], Expect.IdsOf((await Api.GetJson(PriorityRoutes.Ballots(cooperative, poll))).GetProperty("items"), "memberId"));
    }

    [Fact]
    public async Task Ballots_in_discussion_or_after_the_close_are_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var discussion = await Api.CreatePoll(cooperative);
        var closed = await Api.OpenPoll(cooperative);
        await Api.Rank(cooperative, closed, "ann", "a");
        await Api.ClosePoll(cooperative, closed);
        var before = await Observe(cooperative, closed);

        await Expect.Problem(await Api.Put(PriorityRoutes.Ballot(cooperative, discussion, "ann"), new { ranking = PrioritySetup.Ranking("a") }), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Delete(PriorityRoutes.Ballot(cooperative, discussion, "ann")), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Put(PriorityRoutes.Ballot(cooperative, closed, "ann"), new { ranking = PrioritySetup.Ranking("b") }), HttpStatusCode.Conflict, "voting-not-open");
        await Expect.Problem(await Api.Delete(PriorityRoutes.Ballot(cooperative, closed, "ann")), HttpStatusCode.Conflict, "voting-not-open");

        Assert.Equal(before, await Observe(cooperative, closed));
        Assert.Empty((await Api.GetJson(PriorityRoutes.Ballots(cooperative, discussion))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_member_who_joined_after_opening_may_not_vote()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var poll = await Api.OpenPoll(cooperative);
        await Api.AddMembers(cooperative, "late");

        await Expect.Problem(await Api.Put(PriorityRoutes.Ballot(cooperative, poll, "late"), new { ranking = PrioritySetup.Ranking("a") }), HttpStatusCode.Conflict, "not-eligible");
        await Expect.Problem(await Api.Delete(PriorityRoutes.Ballot(cooperative, poll, "late")), HttpStatusCode.Conflict, "not-eligible");

        Assert.Empty((await Api.GetJson(PriorityRoutes.Ballots(cooperative, poll))).GetProperty("items").EnumerateArray());
    }

    private static object ValidBallot(string method) => method switch
    {
        "schulze" or "borda" => new { ranking = PrioritySetup.Ranking("c|ab") },
        "approval" => new { approved = OnlyB },
        _ => new { allocations = new[] { new { item = "c", amount = 1 } } },
    };

    private Task<string> Observe(string cooperative, string poll) =>
        Api.Observe(PriorityRoutes.Result(cooperative, poll), PriorityRoutes.Ballots(cooperative, poll));
}
