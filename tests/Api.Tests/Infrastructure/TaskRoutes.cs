namespace Governance.Api.Tests.Infrastructure;

/// <summary>The paths of tasks, suggestions, availability and contributions, built in one place like <see cref="Routes"/>.</summary>
public static class TaskRoutes
{
    public static string Tasks(string cooperativeId) => $"{Routes.Cooperative(cooperativeId)}/tasks";

    public static string Task(string cooperativeId, string taskId) => $"{Tasks(cooperativeId)}/{taskId}";

    public static string Events(string cooperativeId, string taskId) => $"{Task(cooperativeId, taskId)}/events";

    public static string Claim(string cooperativeId, string taskId) => $"{Task(cooperativeId, taskId)}/claim";

    public static string Progress(string cooperativeId, string taskId) => $"{Task(cooperativeId, taskId)}/progress";

    public static string Release(string cooperativeId, string taskId) => $"{Task(cooperativeId, taskId)}/release";

    public static string Complete(string cooperativeId, string taskId) => $"{Task(cooperativeId, taskId)}/complete";

    public static string Review(string cooperativeId, string taskId) => $"{Task(cooperativeId, taskId)}/review";

    public static string Suggestions(string cooperativeId) => $"{Tasks(cooperativeId)}/suggestions";

    public static string Accept(string cooperativeId, string taskId) => $"{Task(cooperativeId, taskId)}/suggestion/accept";

    public static string Decline(string cooperativeId, string taskId) => $"{Task(cooperativeId, taskId)}/suggestion/decline";

    public static string Availability(string cooperativeId, string memberId) => $"{Routes.Member(cooperativeId, memberId)}/availability";

    public static string Contributions(string cooperativeId, string memberId) => $"{Routes.Member(cooperativeId, memberId)}/contributions";
}
