namespace Governance.Domain.Tasks;

/// <summary>
/// What the board knows of one task: enough to list it and to plan suggestions without asking the task.
/// <paramref name="TaskVersion"/> is the task's log version this copy reflects, so an older report never overwrites a newer one.
/// </summary>
public sealed record BoardTask(
    string TaskId,
    string Title,
    IReadOnlyList<string> RequiredSkills,
    int EffortHours,
    double Priority,
    DateTimeOffset? DueAt,
    DateTimeOffset CreatedAt,
    WorkTaskStatus Status,
    string? Holder,
    long TaskVersion,
    TaskLink? Link)
{
    /// <summary>Reviews of this task already counted in contributions.</summary>
    public int ReviewsCounted { get; init; }
}

/// <summary>A member's skills and weekly hours as their person last reported them; inactive once they left the cooperative.</summary>
public sealed record BoardVolunteer(string MemberId, IReadOnlyList<string> Skills, int WeeklyCapacityHours, long MemberVersion, bool Active);

/// <summary>Recognition of a member's work in one cooperative; it never weighs in votes.</summary>
public sealed record Contribution(int TasksDone, int EffortHoursDone, int ReviewsGiven)
{
    public static Contribution None { get; } = new(0, 0, 0);
}

/// <summary>A member said no to doing a task; that pair is never suggested again.</summary>
public sealed record DeclinedPair(string TaskId, string MemberId);
