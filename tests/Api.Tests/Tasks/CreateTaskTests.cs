namespace Governance.Api.Tests.Tasks;

[Collection(ApiCollection.Name)]
public sealed class CreateTaskTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] OvenSkills = ["welding", "electrics"];

    [Fact]
    public async Task A_member_creates_an_open_unlinked_task_with_the_default_priority()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var dueAt = Factory.Clock.GetUtcNow().AddDays(10);

        var response = await Api.As("ben").Post(TaskRoutes.Tasks(cooperative), new
        {
            id = "oven",
            title = "Fix the oven",
            description = "It smokes.",
            requiredSkills = OvenSkills,
            effortHours = 6,
            dueAt,
        });

        var task = await Expect.Created(response, TaskRoutes.Task(cooperative, "oven"));
        Expect.Fields(task, TaskSteps.TaskFields);
        Assert.Equal(
            ("oven", cooperative, "Fix the oven", "It smokes.", 6, 0.5, "open", "ben"),
            (task.GetProperty("id").GetString(), task.GetProperty("cooperativeId").GetString(), task.GetProperty("title").GetString(),
             task.GetProperty("description").GetString(), task.GetProperty("effortHours").GetInt32(), task.GetProperty("priority").GetDouble(),
             task.GetProperty("status").GetString(), task.GetProperty("createdBy").GetString()));
        Assert.Equal(["electrics", "welding"], Expect.Strings(task.GetProperty("requiredSkills")));
        Assert.Equal(dueAt, Expect.Instant(task, "dueAt"));
        Assert.Equal(JsonValueKind.Null, task.GetProperty("link").ValueKind);
        Assert.Equal(task.GetRawText(), (await Api.GetJson(TaskRoutes.Task(cooperative, "oven"))).GetRawText());
    }

    [Fact]
    public async Task Leaving_out_the_id_generates_one()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var response = await Api.As("ann").Post(TaskRoutes.Tasks(cooperative), new { title = "Sweep", effortHours = 1 });

        var id = (await Expect.Status(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        Assert.Equal(32, id.Length);
        Assert.Equal(TaskRoutes.Task(cooperative, id), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_task_serving_an_accepted_proposal_has_priority_one()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        await Api.Close(cooperative, proposal);

        var task = await Expect.Status(
            await Api.As("ann").Post(TaskRoutes.Tasks(cooperative), new { title = "Buy the oven", effortHours = 2, link = new { proposalId = proposal } }),
            HttpStatusCode.Created);

        Assert.Equal(1.0, task.GetProperty("priority").GetDouble());
        Expect.Fields(task.GetProperty("link"), "proposalId", "pollId", "itemId");
        Assert.Equal(proposal, task.GetProperty("link").GetProperty("proposalId").GetString());
    }

    [Fact]
    public async Task A_proposal_link_must_name_an_existing_accepted_proposal()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var open = await Api.OpenProposal(cooperative);
        var rejected = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, rejected, "ann", "no");
        await Api.Close(cooperative, rejected);
        var before = await Api.Observe(TaskRoutes.Tasks(cooperative));

        await Expect.Problem(await Create(cooperative, new { proposalId = "missing" }), HttpStatusCode.NotFound, "proposal-not-found");
        await Expect.Problem(await Create(cooperative, new { proposalId = open }), HttpStatusCode.Conflict, "proposal-not-closed");
        await Expect.Problem(await Create(cooperative, new { proposalId = rejected }), HttpStatusCode.Conflict, "proposal-not-accepted");

        Assert.Equal(before, await Api.Observe(TaskRoutes.Tasks(cooperative)));
    }

    [Theory]
    [InlineData("""{"title":"","effortHours":1}""", "invalid-title", "title")]
    [InlineData("""{"title":"Sweep"}""", "invalid-effort", "effortHours")]
    [InlineData("""{"title":"Sweep","effortHours":0}""", "invalid-effort", "effortHours")]
    [InlineData("""{"title":"Sweep","effortHours":1001}""", "invalid-effort", "effortHours")]
    [InlineData("""{"title":"Sweep","effortHours":1,"requiredSkills":["no spaces"]}""", "invalid-skills", "requiredSkills")]
    [InlineData("""{"title":"Sweep","effortHours":1,"dueAt":"2000-01-01T00:00:00Z"}""", "invalid-due-at", "dueAt")]
    [InlineData("""{"title":"Sweep","effortHours":1,"link":{"proposalId":"p","pollId":"q","itemId":"i"}}""", "invalid-link", "link")]
    [InlineData("""{"title":"Sweep","effortHours":1,"link":{"pollId":"q"}}""", "invalid-link", "link")]
    [InlineData("""{"id":"suggestions","title":"Sweep","effortHours":1}""", "invalid-id", "id")]
    [InlineData("""{"id":"a b","title":"Sweep","effortHours":1}""", "invalid-id", "id")]
    [InlineData("""{"title":"Sweep","effortHours":1,"assignee":"ann"}""", "malformed-request", "assignee")]
    public async Task An_invalid_task_is_a_400_and_nothing_is_created(string body, string code, string field)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.As("ann").SendRaw(HttpMethod.Post, TaskRoutes.Tasks(cooperative), body), HttpStatusCode.BadRequest, code, field);

        Assert.Empty((await Api.GetJson(TaskRoutes.Tasks(cooperative))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_id_that_is_taken_is_a_409()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var id = await Api.CreateTask(cooperative, "ann");

        await Expect.Problem(
            await Api.As("ann").Post(TaskRoutes.Tasks(cooperative), new { id, title = "Something else", effortHours = 1 }),
            HttpStatusCode.Conflict,
            "task-exists");

        Assert.Equal($"Task {id}", (await Api.GetJson(TaskRoutes.Task(cooperative, id))).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"id":"{id}","effortHours":1}""")]
    [InlineData("""{"id":"{id}","title":null,"effortHours":1}""")]
    public async Task Creating_a_taken_id_again_without_a_title_is_a_409_and_changes_nothing(string body)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var id = await Api.CreateTask(cooperative, "ann");
        var before = await Api.Observe(TaskRoutes.Task(cooperative, id), TaskRoutes.Tasks(cooperative));

        var response = await Api.As("ann").SendRaw(HttpMethod.Post, TaskRoutes.Tasks(cooperative), body.Replace("{id}", id, StringComparison.Ordinal));

        await Expect.Problem(response, HttpStatusCode.Conflict, "task-exists");
        Assert.Equal(before, await Api.Observe(TaskRoutes.Task(cooperative, id), TaskRoutes.Tasks(cooperative)));
    }

    [Fact]
    public async Task An_unknown_task_is_a_404()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(TaskRoutes.Task(cooperative, "missing")), HttpStatusCode.NotFound, "task-not-found");
        await Expect.Problem(await Api.Get(TaskRoutes.Events(cooperative, "missing")), HttpStatusCode.NotFound, "task-not-found");
        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Claim(cooperative, "missing")), HttpStatusCode.NotFound, "task-not-found");
    }

    private Task<HttpResponseMessage> Create(string cooperative, object link) =>
        Api.As("ann").Post(TaskRoutes.Tasks(cooperative), new { title = "Linked", effortHours = 1, link });
}
