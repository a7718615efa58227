namespace Governance.Api.Tests.Tasks;

[Collection(ApiCollection.Name)]
public sealed class TaskLifecycleTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_task_goes_from_open_to_claimed_completed_and_reviewed_and_every_step_is_in_its_history()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var task = await Api.CreateTask(cooperative, "ann");

        var claimed = await Api.Act("ben", TaskRoutes.Claim(cooperative, task));
        Assert.Equal(("claimed", "ben"), (claimed.GetProperty("status").GetString(), claimed.GetProperty("claimedBy").GetString()));
        Assert.Equal(Factory.Clock.GetUtcNow().AddDays(7), Expect.Instant(claimed, "claimExpiresAt"), TimeSpan.FromMinutes(1));
        await Api.Act("ben", TaskRoutes.Progress(cooperative, task), new { note = "Half done" });
        var completed = await Api.Act("ben", TaskRoutes.Complete(cooperative, task));
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("claimExpiresAt").ValueKind);
        var reviewed = await Api.Act("cat", TaskRoutes.Review(cooperative, task), new { approved = true, note = "Good work" });

        Assert.Equal(("reviewed", "ben", "cat"), (reviewed.GetProperty("status").GetString(), reviewed.GetProperty("claimedBy").GetString(), reviewed.GetProperty("reviewedBy").GetString()));
        var events = (await Api.GetJson(TaskRoutes.Events(cooperative, task))).GetProperty("items");
        Assert.Equal(["created", "claimed", "progress", "completed", "reviewed"], Expect.IdsOf(events, "type"));
        Assert.Equal(["ann", "ben", "ben", "ben", "cat"], Expect.IdsOf(events, "by"));
        Assert.All(events.EnumerateArray(), entry => Expect.Fields(entry, "sequence", "type", "at", "by", "note", "approved", "claimExpiresAt"));
        Assert.Equal("Half done", events[2].GetProperty("note").GetString());
        Assert.True(events[4].GetProperty("approved").GetBoolean());
    }

    [Fact]
    public async Task The_history_is_paged()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ann", TaskRoutes.Claim(cooperative, task));
        await Api.Act("ann", TaskRoutes.Release(cooperative, task));
        await Api.Act("ann", TaskRoutes.Claim(cooperative, task));

        var (items, pages) = await Api.ReadAllPages(TaskRoutes.Events(cooperative, task), 3);

        Assert.Equal(2, pages);
        Assert.Equal([1, 2, 3, 4], items.Select(item => item.GetProperty("sequence").GetInt32()));
    }

    [Fact]
    public async Task Claiming_again_is_fine_but_a_task_claimed_by_another_is_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");
        var claimed = await Api.Act("ben", TaskRoutes.Claim(cooperative, task));

        Assert.Equal(claimed.GetRawText(), (await Api.Act("ben", TaskRoutes.Claim(cooperative, task))).GetRawText());
        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Claim(cooperative, task)), HttpStatusCode.Conflict, "task-claimed");
        Assert.Equal(2, (await Api.GetJson(TaskRoutes.Events(cooperative, task))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_claimant_reports_progress_releases_or_completes()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ben", TaskRoutes.Claim(cooperative, task));
        var before = await Api.Observe(TaskRoutes.Task(cooperative, task), TaskRoutes.Events(cooperative, task));

        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Progress(cooperative, task)), HttpStatusCode.Forbidden, "not-claimant");
        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Release(cooperative, task)), HttpStatusCode.Forbidden, "not-claimant");
        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Complete(cooperative, task)), HttpStatusCode.Forbidden, "not-claimant");

        Assert.Equal(before, await Api.Observe(TaskRoutes.Task(cooperative, task), TaskRoutes.Events(cooperative, task)));
    }

    [Fact]
    public async Task Releasing_reopens_the_task_for_anyone()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ben", TaskRoutes.Claim(cooperative, task));

        var released = await Api.Act("ben", TaskRoutes.Release(cooperative, task));

        Assert.Equal("open", released.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, released.GetProperty("claimedBy").ValueKind);
        Assert.Equal("ann", (await Api.Act("ann", TaskRoutes.Claim(cooperative, task))).GetProperty("claimedBy").GetString());
    }

    [Fact]
    public async Task An_open_task_has_no_progress_release_completion_or_review()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");

        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Progress(cooperative, task)), HttpStatusCode.Conflict, "task-not-claimed");
        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Release(cooperative, task)), HttpStatusCode.Conflict, "task-not-claimed");
        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Complete(cooperative, task)), HttpStatusCode.Conflict, "task-not-claimed");
        await Expect.Problem(await Api.As("ben").Post(TaskRoutes.Review(cooperative, task), new { approved = true }), HttpStatusCode.Conflict, "task-not-completed");

        Assert.Equal("open", await Api.Status(cooperative, task));
    }

    [Fact]
    public async Task The_member_who_did_the_work_never_reviews_it()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ben", TaskRoutes.Claim(cooperative, task));
        await Api.Act("ben", TaskRoutes.Complete(cooperative, task));

        await Expect.Problem(await Api.As("ben").Post(TaskRoutes.Review(cooperative, task), new { approved = true }), HttpStatusCode.Forbidden, "own-work");

        Assert.Equal("completed", await Api.Status(cooperative, task));
    }

    [Fact]
    public async Task A_rejected_review_hands_the_task_back_to_its_claimant()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ben", TaskRoutes.Claim(cooperative, task));
        await Api.Act("ben", TaskRoutes.Complete(cooperative, task));

        var rejected = await Api.Act("ann", TaskRoutes.Review(cooperative, task), new { approved = false, note = "Still smokes" });

        Assert.Equal(("claimed", "ben"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("claimedBy").GetString()));
        Assert.Equal(JsonValueKind.Null, rejected.GetProperty("completedAt").ValueKind);
        Assert.Equal("completed", (await Api.Act("ben", TaskRoutes.Complete(cooperative, task))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reviewed_task_is_done_and_cannot_be_claimed_or_reviewed_again()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ben", TaskRoutes.Claim(cooperative, task));
        await Api.Act("ben", TaskRoutes.Complete(cooperative, task));
        await Api.Act("ann", TaskRoutes.Review(cooperative, task), new { approved = true });

        await Expect.Problem(await Api.As("cat").Post(TaskRoutes.Claim(cooperative, task)), HttpStatusCode.Conflict, "task-not-open");
        await Expect.Problem(await Api.As("cat").Post(TaskRoutes.Review(cooperative, task), new { approved = false }), HttpStatusCode.Conflict, "task-not-completed");
    }

    [Theory]
    [InlineData("""{}""", "invalid-review", "approved")]
    [InlineData("""{"approved":"yes"}""", "malformed-request", "approved")]
    public async Task A_review_without_a_verdict_is_a_400(string body, string code, string field)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ben", TaskRoutes.Claim(cooperative, task));
        await Api.Act("ben", TaskRoutes.Complete(cooperative, task));

        await Expect.Problem(await Api.As("ann").SendRaw(HttpMethod.Post, TaskRoutes.Review(cooperative, task), body), HttpStatusCode.BadRequest, code, field);

        Assert.Equal("completed", await Api.Status(cooperative, task));
    }

    [Fact]
    public async Task A_note_over_the_limit_is_a_400()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ann", TaskRoutes.Claim(cooperative, task));

        await Expect.Problem(
            await Api.As("ann").Post(TaskRoutes.Progress(cooperative, task), new { note = new string('n', 20_001) }), HttpStatusCode.BadRequest, "invalid-note", "note");
    }

    [Fact]
    public async Task Tasks_are_listed_in_creation_order_by_page_and_status()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        string[] tasks = [await Api.CreateTask(cooperative, "ann"), await Api.CreateTask(cooperative, "ann"), await Api.CreateTask(cooperative, "ann")];
        await Api.Act("ann", TaskRoutes.Claim(cooperative, tasks[1]));

        var (all, pages) = await Api.ReadAllPages(TaskRoutes.Tasks(cooperative), 2);
        var (open, _) = await Api.ReadAllPages(TaskRoutes.Tasks(cooperative), 2, ("status", "open"));
        var (claimed, _) = await Api.ReadAllPages(TaskRoutes.Tasks(cooperative), 2, ("status", "claimed"));

        Assert.Equal(2, pages);
        Assert.Equal(tasks, all.Select(item => item.GetProperty("id").GetString()));
        Assert.All(all, item => Expect.Fields(item, "id", "title", "requiredSkills", "effortHours", "priority", "dueAt", "status", "claimedBy", "createdAt", "link"));
        Assert.Equal([tasks[0], tasks[2]], open.Select(item => item.GetProperty("id").GetString()));
        Assert.Equal([tasks[1]], claimed.Select(item => item.GetProperty("id").GetString()));
        Assert.Equal("ann", claimed[0].GetProperty("claimedBy").GetString());
    }

    [Fact]
    public async Task An_unknown_status_filter_is_a_400()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(Routes.WithQuery(TaskRoutes.Tasks(cooperative), ("status", "done"))), HttpStatusCode.BadRequest, "invalid-status", "status");
    }
}
