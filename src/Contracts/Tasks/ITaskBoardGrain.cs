using Governance.Contracts.Paging;

namespace Governance.Contracts.Tasks;

/// <summary>
/// A cooperative's tasks seen together: the task index, the volunteer directory its members' people keep current,
/// suggestions, and contributions. Key: the cooperative id.
/// </summary>
[Alias("Governance.ITaskBoardGrain")]
public interface ITaskBoardGrain : IGrainWithStringKey
{
    [Alias("CreateTask")]
    Task<TaskView> CreateTask(CreateTaskCommand command);

    [Alias("ListTasks")]
    Task<Page<TaskSummaryView>> ListTasks(TaskStatus? status, string? cursor, int limit);

    /// <summary>A task reports its state after a change.</summary>
    [Alias("TaskChanged")]
    Task TaskChanged(TaskReport report);

    /// <summary>A member's person reports their skills and hours; <paramref name="memberVersion"/> orders reports.</summary>
    [Alias("SetVolunteer")]
    Task SetVolunteer(string memberId, IReadOnlyList<string> skills, int weeklyCapacityHours, long memberVersion);

    /// <summary>The member left the cooperative, so nothing is suggested to them any more.</summary>
    [Alias("RemoveVolunteer")]
    Task RemoveVolunteer(string memberId, long memberVersion);

    [Alias("GetSuggestions")]
    Task<SuggestionsView> GetSuggestions();

    /// <summary>The member suggested for the task takes it: it is claimed for them.</summary>
    [Alias("AcceptSuggestion")]
    Task<TaskView> AcceptSuggestion(string taskId, string memberId);

    /// <summary>The member suggested for the task turns it down; that pair is never suggested again.</summary>
    [Alias("DeclineSuggestion")]
    Task DeclineSuggestion(string taskId, string memberId);

    [Alias("GetContributions")]
    Task<ContributionView> GetContributions(string memberId);
}
