namespace Governance.Api.Tests.Tasks;

/// <summary>
/// Suggested assignment end to end. Skills and hours belong to the person across cooperatives, so every test here
/// has people of its own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SuggestionTests(ApiFactory factory) : ApiTest(factory)
{
    private readonly string _ann = Ids.New("ann");
    private readonly string _ben = Ids.New("ben");
    private readonly string _cat = Ids.New("cat");

    [Fact]
    public async Task Suggestions_are_the_best_plan_with_reasons_and_only_accepting_assigns_anyone()
    {
        var (cooperative, roof, shed, books) = await ThreeTasksForThreePeople();

        var suggestions = await Api.GetJson(TaskRoutes.Suggestions(cooperative));

        // The roof serves an accepted proposal (1.0) and fits only ann's hours; ben takes the shed, cat the books.
        Expect.Fields(suggestions, "suggestions", "totalScore");
        Assert.Equal(2.0, suggestions.GetProperty("totalScore").GetDouble(), 9);
        var items = suggestions.GetProperty("suggestions");
        Assert.Equal(new[] { roof, shed, books }.Order(StringComparer.Ordinal), Expect.IdsOf(items, "taskId"));
        var byTask = items.EnumerateArray().ToDictionary(item => item.GetProperty("taskId").GetString()!);
        Assert.Equal((_ann, _ben, _cat), (Member(byTask[roof]), Member(byTask[shed]), Member(byTask[books])));
        var explained = byTask[roof];
        Expect.Fields(explained, "taskId", "title", "memberId", "fit", "priority", "matchedSkills", "effortHours", "memberHoursUsed", "memberHoursHeld", "memberCapacityHours", "score");
        Assert.Equal(
            (1.0, 1.0, 6, 6, 0, 10, 1.0),
            (explained.GetProperty("fit").GetDouble(), explained.GetProperty("priority").GetDouble(), explained.GetProperty("effortHours").GetInt32(),
             explained.GetProperty("memberHoursUsed").GetInt32(), explained.GetProperty("memberHoursHeld").GetInt32(),
             explained.GetProperty("memberCapacityHours").GetInt32(), explained.GetProperty("score").GetDouble()));
        Assert.Equal(["carpentry", "welding"], Expect.Strings(explained.GetProperty("matchedSkills")));
        Assert.Equal(0.5, byTask[books].GetProperty("score").GetDouble());

        foreach (var task in new[] { roof, shed, books })
        {
            var view = await Api.GetJson(TaskRoutes.Task(cooperative, task));
            Assert.Equal(("open", JsonValueKind.Null), (view.GetProperty("status").GetString(), view.GetProperty("claimedBy").ValueKind));
        }
    }

    [Fact]
    public async Task Accepting_claims_the_task_and_its_hours_count_against_the_member()
    {
        var (cooperative, roof, shed, books) = await ThreeTasksForThreePeople();

        var accepted = await Api.Act(_ann, TaskRoutes.Accept(cooperative, roof));

        Assert.Equal(("claimed", _ann), (accepted.GetProperty("status").GetString(), accepted.GetProperty("claimedBy").GetString()));
        var items = (await Api.GetJson(TaskRoutes.Suggestions(cooperative))).GetProperty("suggestions");
        Assert.Equal(new[] { books, shed }.Order(StringComparer.Ordinal), Expect.IdsOf(items, "taskId"));
        Assert.DoesNotContain(_ann, Expect.IdsOf(items, "memberId"));
    }

    [Fact]
    public async Task Declining_is_remembered_so_that_pair_is_never_suggested_again()
    {
        var (cooperative, roof, shed, books) = await ThreeTasksForThreePeople();
        await Api.Act(_ann, TaskRoutes.Accept(cooperative, roof));

        await Expect.NoContent(await Api.As(_ben).Post(TaskRoutes.Decline(cooperative, shed)));

        // Ann's remaining four hours cannot take the five-hour shed, and ben said no: nobody is suggested for it.
        var items = (await Api.GetJson(TaskRoutes.Suggestions(cooperative))).GetProperty("suggestions");
        Assert.Equal([books], Expect.IdsOf(items, "taskId"));
        Assert.Equal("open", await Api.Status(cooperative, shed));
        await Expect.Problem(await Api.As(_ben).Post(TaskRoutes.Accept(cooperative, shed)), HttpStatusCode.Conflict, "not-suggested");
    }

    [Fact]
    public async Task Only_the_suggested_member_accepts_or_declines_an_open_suggested_task()
    {
        var (cooperative, roof, shed, books) = await ThreeTasksForThreePeople();
        await Api.Act(_ann, TaskRoutes.Accept(cooperative, roof));
        var before = await Api.Observe(TaskRoutes.Suggestions(cooperative), TaskRoutes.Tasks(cooperative));

        await Expect.Problem(await Api.As(_ben).Post(TaskRoutes.Accept(cooperative, books)), HttpStatusCode.Forbidden, "suggested-to-another");
        await Expect.Problem(await Api.As(_ben).Post(TaskRoutes.Decline(cooperative, books)), HttpStatusCode.Forbidden, "suggested-to-another");
        await Expect.Problem(await Api.As(_ann).Post(TaskRoutes.Accept(cooperative, roof)), HttpStatusCode.Conflict, "task-not-open");
        await Expect.Problem(await Api.As(_ann).Post(TaskRoutes.Accept(cooperative, "missing")), HttpStatusCode.NotFound, "task-not-found");

        Assert.Equal(before, await Api.Observe(TaskRoutes.Suggestions(cooperative), TaskRoutes.Tasks(cooperative)));
        Assert.Equal(_ben, Member((await Api.GetJson(TaskRoutes.Suggestions(cooperative))).GetProperty("suggestions").EnumerateArray().Single(item => item.GetProperty("taskId").GetString() == shed)));
    }

    [Fact]
    public async Task A_member_who_leaves_is_no_longer_suggested()
    {
        var (cooperative, _, _, books) = await ThreeTasksForThreePeople();

        await Expect.NoContent(await Api.As(_cat).Delete(Routes.Member(cooperative, _cat)));

        var items = (await Api.GetJson(TaskRoutes.Suggestions(cooperative))).GetProperty("suggestions");
        Assert.DoesNotContain(books, Expect.IdsOf(items, "taskId"));
        Assert.DoesNotContain(_cat, Expect.IdsOf(items, "memberId"));
    }

    [Fact]
    public async Task A_task_serving_a_poll_item_follows_the_polls_current_ranking()
    {
        var cooperative = await Api.CreateCooperative(members: [_ann]);
        await Api.Offer(cooperative, _ann, 4, "carpentry");
        var poll = await Api.OpenPoll(cooperative);
        var forA = await Api.CreateTask(cooperative, _ann, ["carpentry"], 4, new { pollId = poll, itemId = "a" });
        var forB = await Api.CreateTask(cooperative, _ann, ["carpentry"], 4, new { pollId = poll, itemId = "b" });

        // Ann has hours for one of the two; each time she ranks the items, her first choice's task is the one suggested.
        await Api.Rank(cooperative, poll, _ann, "b|a|c");
        Assert.Equal((forB, 1.0), Suggested(await Api.GetJson(TaskRoutes.Suggestions(cooperative))));

        await Api.Rank(cooperative, poll, _ann, "a|b|c");
        Assert.Equal((forA, 1.0), Suggested(await Api.GetJson(TaskRoutes.Suggestions(cooperative))));
    }

    /// <summary>
    /// Ann (carpentry, welding; 10 hours), ben (carpentry; 5) and cat (accounting; 4); a roof for an accepted proposal
    /// (carpentry and welding, 6 hours), a shed (carpentry, 5) and the books (accounting, 2).
    /// </summary>
    private async Task<(string Cooperative, string Roof, string Shed, string Books)> ThreeTasksForThreePeople()
    {
        var cooperative = await Api.CreateCooperative(members: [_ann, _ben, _cat]);
        await Api.Offer(cooperative, _ann, 10, "welding", "carpentry");
        await Api.Offer(cooperative, _ben, 5, "carpentry");
        await Api.Offer(cooperative, _cat, 4, "accounting");
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, _ann, "yes");
        await Api.Close(cooperative, proposal);
        var roof = await Api.CreateTask(cooperative, _ann, ["carpentry", "welding"], 6, new { proposalId = proposal });
        var shed = await Api.CreateTask(cooperative, _ann, ["carpentry"], 5);
        var books = await Api.CreateTask(cooperative, _ann, ["accounting"], 2);
        return (cooperative, roof, shed, books);
    }

    private static string? Member(JsonElement suggestion) => suggestion.GetProperty("memberId").GetString();

    private static (string? TaskId, double Priority) Suggested(JsonElement suggestions)
    {
        var single = Assert.Single(suggestions.GetProperty("suggestions").EnumerateArray());
        return (single.GetProperty("taskId").GetString(), single.GetProperty("priority").GetDouble());
    }
}
