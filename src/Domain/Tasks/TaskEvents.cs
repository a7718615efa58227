using System.Text.Json.Serialization;

namespace Governance.Domain.Tasks;

/// <summary>A fact in a task's log. Each names the member who acted (By), except an expiry, which nobody does.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TaskCreated), "task-created")]
[JsonDerivedType(typeof(TaskClaimed), "task-claimed")]
[JsonDerivedType(typeof(ProgressPosted), "progress-posted")]
[JsonDerivedType(typeof(ClaimReleased), "claim-released")]
[JsonDerivedType(typeof(ClaimExpired), "claim-expired")]
[JsonDerivedType(typeof(TaskCompleted), "task-completed")]
[JsonDerivedType(typeof(TaskReviewed), "task-reviewed")]
public abstract record TaskEvent(DateTimeOffset At);

public sealed record TaskCreated(
    DateTimeOffset At,
    string CooperativeId,
    string Title,
    string? Description,
    IReadOnlyList<string> RequiredSkills,
    int EffortHours,
    DateTimeOffset? DueAt,
    TaskLink? Link,
    double Priority,
    string By) : TaskEvent(At);

/// <summary>The claim lapses at <paramref name="ExpiresAt"/> unless progress extends it.</summary>
public sealed record TaskClaimed(DateTimeOffset At, string By, DateTimeOffset ExpiresAt) : TaskEvent(At);

public sealed record ProgressPosted(DateTimeOffset At, string By, string? Note, DateTimeOffset ExpiresAt) : TaskEvent(At);

public sealed record ClaimReleased(DateTimeOffset At, string By) : TaskEvent(At);

public sealed record ClaimExpired(DateTimeOffset At, string ClaimedBy) : TaskEvent(At);

public sealed record TaskCompleted(DateTimeOffset At, string By, string? Note) : TaskEvent(At);

/// <summary>A review; a rejection hands the task back to its claimant, whose claim then lapses at <paramref name="ExpiresAt"/>.</summary>
public sealed record TaskReviewed(DateTimeOffset At, string By, bool Approved, string? Note, DateTimeOffset? ExpiresAt) : TaskEvent(At);
