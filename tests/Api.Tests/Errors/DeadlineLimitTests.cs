namespace Governance.Api.Tests.Errors;

/// <summary>
/// Deadlines (a proposal's or poll's closesAt, a task's dueAt) lie at most Limits:MaxDeadlineDays (3650) ahead: one
/// further is a 400 naming the field and creates nothing, and one within the limit still opens for voting.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DeadlineLimitTests(ApiFactory factory) : ApiTest(factory)
{
    private const int MaxDeadlineDays = 3650;

    public enum Resource
    {
        Proposal,
        Poll,
        Task,
    }

    public static TheoryData<Resource, string> TooFar => new()
    {
        { Resource.Proposal, "9999-12-31T00:00:00Z" },
        { Resource.Proposal, "9999-12-31T23:59:59.9999999+00:00" },
        { Resource.Poll, "9999-12-31T00:00:00Z" },
        { Resource.Task, "9999-12-31T00:00:00Z" },
        { Resource.Proposal, DateTimeOffset.UtcNow.AddDays(MaxDeadlineDays + 1).ToString("O") },
        { Resource.Poll, DateTimeOffset.UtcNow.AddDays(MaxDeadlineDays + 1).ToString("O") },
        { Resource.Task, DateTimeOffset.UtcNow.AddDays(MaxDeadlineDays + 1).ToString("O") },
    };

    [Theory]
    [MemberData(nameof(TooFar))]
    public async Task A_deadline_beyond_the_limit_is_a_400_naming_the_field_and_nothing_is_created(Resource resource, string deadline)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var (list, field, code) = ListOf(resource, cooperative);
        var before = await Api.Observe(list);

        var response = await Api.As("ann").SendRaw(HttpMethod.Post, list, Body(resource, field, deadline));

        var problem = await Expect.Problem(response, HttpStatusCode.BadRequest, code, field);
        Assert.Contains($"{MaxDeadlineDays} days", problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Api.Observe(list));
    }

    [Theory]
    [InlineData(Resource.Proposal)]
    [InlineData(Resource.Poll)]
    public async Task A_deadline_just_within_the_limit_is_accepted_and_voting_opens(Resource resource)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var (list, field, _) = ListOf(resource, cooperative);
        var deadline = Factory.Clock.GetUtcNow().AddDays(MaxDeadlineDays).AddMinutes(-5).ToString("O");

        var created = await Expect.Status(await Api.As("ann").SendRaw(HttpMethod.Post, list, Body(resource, field, deadline)), HttpStatusCode.Created);

        var id = created.GetProperty("id").GetString()!;
        var opened = await Expect.Ok(await Api.As("ann").Post(resource == Resource.Proposal ? Routes.Open(cooperative, id) : PriorityRoutes.Open(cooperative, id)));
        Assert.Equal("voting", opened.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_task_due_just_within_the_limit_is_created()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var deadline = Factory.Clock.GetUtcNow().AddDays(MaxDeadlineDays).AddMinutes(-5).ToString("O");

        await Expect.Status(
            await Api.As("ann").SendRaw(HttpMethod.Post, TaskRoutes.Tasks(cooperative), Body(Resource.Task, "dueAt", deadline)),
            HttpStatusCode.Created);
    }

    private static (string List, string Field, string Code) ListOf(Resource resource, string cooperative) => resource switch
    {
        Resource.Proposal => (Routes.Proposals(cooperative), "closesAt", "invalid-closes-at"),
        Resource.Poll => (PriorityRoutes.Polls(cooperative), "closesAt", "invalid-closes-at"),
        _ => (TaskRoutes.Tasks(cooperative), "dueAt", "invalid-due-at"),
    };

    private static string Body(Resource resource, string field, string deadline) => resource switch
    {
        Resource.Proposal => $$"""{"title":"Far away","{{field}}":"{{deadline}}"}""",
        Resource.Poll => $$"""{"title":"Far away","method":"borda","items":[{"id":"a","title":"A"},{"id":"b","title":"B"}],"{{field}}":"{{deadline}}"}""",
        _ => $$"""{"title":"Far away","effortHours":1,"{{field}}":"{{deadline}}"}""",
    };
}
