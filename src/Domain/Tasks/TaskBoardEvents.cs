using System.Text.Json.Serialization;

namespace Governance.Domain.Tasks;

/// <summary>A fact in a cooperative's task board: the task index, the volunteer directory, declined suggestions and contributions.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TaskListed), "task-listed")]
[JsonDerivedType(typeof(TaskStatusChanged), "task-status-changed")]
[JsonDerivedType(typeof(ReviewCounted), "review-counted")]
[JsonDerivedType(typeof(VolunteerSet), "volunteer-set")]
[JsonDerivedType(typeof(VolunteerRemoved), "volunteer-removed")]
[JsonDerivedType(typeof(SuggestionDeclined), "suggestion-declined")]
public abstract record TaskBoardEvent(DateTimeOffset At);

public sealed record TaskListed(DateTimeOffset At, BoardTask Task) : TaskBoardEvent(At);

public sealed record TaskStatusChanged(DateTimeOffset At, string TaskId, WorkTaskStatus Status, string? Holder, long TaskVersion) : TaskBoardEvent(At);

/// <summary>Review number <paramref name="ReviewNumber"/> of a task: the reviewer gave a review, and an approval credits the work to <paramref name="DoneBy"/>.</summary>
public sealed record ReviewCounted(
    DateTimeOffset At,
    string TaskId,
    int ReviewNumber,
    string DoneBy,
    string ReviewedBy,
    bool Approved,
    int EffortHours) : TaskBoardEvent(At);

public sealed record VolunteerSet(DateTimeOffset At, string MemberId, IReadOnlyList<string> Skills, int WeeklyCapacityHours, long MemberVersion) : TaskBoardEvent(At);

public sealed record VolunteerRemoved(DateTimeOffset At, string MemberId, long MemberVersion) : TaskBoardEvent(At);

public sealed record SuggestionDeclined(DateTimeOffset At, string TaskId, string MemberId) : TaskBoardEvent(At);

/// <summary>A board's whole state at one log version.</summary>
public sealed record TaskBoardSnapshot(
    long Version,
    IReadOnlyList<BoardTask> Tasks,
    IReadOnlyList<BoardVolunteer> Volunteers,
    IReadOnlyList<DeclinedPair> Declined,
    IReadOnlyDictionary<string, Contribution> Contributions);
