namespace Governance.Api.Tests.Tasks;

/// <summary>Setup steps for task tests that assert their own success, as <see cref="GovernanceClient"/>'s do.</summary>
public static class TaskSteps
{
    public static readonly string[] TaskFields =
    [
        "id", "cooperativeId", "title", "description", "requiredSkills", "effortHours", "dueAt", "link", "priority", "status",
        "createdAt", "createdBy", "claimedBy", "claimExpiresAt", "completedAt", "reviewedBy",
    ];

    /// <summary>A new task created by <paramref name="by"/>; returns its id.</summary>
    public static async Task<string> CreateTask(this GovernanceClient api, string cooperativeId, string by, string[]? skills = null, int effortHours = 4, object? link = null)
    {
        var id = Ids.New("task");
        var body = new { id, title = $"Task {id}", requiredSkills = skills, effortHours, link };
        await Expect.Created(await api.As(by).Post(TaskRoutes.Tasks(cooperativeId), body), TaskRoutes.Task(cooperativeId, id));
        return id;
    }

    public static async Task<JsonElement> Act(this GovernanceClient api, string by, string path, object? body = null) =>
        await Expect.Ok(await api.As(by).Post(path, body));

    public static async Task Offer(this GovernanceClient api, string cooperativeId, string memberId, int hours, params string[] skills) =>
        await Expect.Ok(await api.As(memberId).Put(TaskRoutes.Availability(cooperativeId, memberId), new { skills, weeklyCapacityHours = hours }));

    public static async Task<string?> Status(this GovernanceClient api, string cooperativeId, string taskId) =>
        (await api.GetJson(TaskRoutes.Task(cooperativeId, taskId))).GetProperty("status").GetString();
}
