using Governance.Domain.Rules;

namespace Governance.Domain.Tasks;

/// <summary>
/// A task's state as the fold of its log. A member claims it for themselves, posts progress (which keeps the claim
/// alive), releases it or completes it; another member reviews the work. A claim without progress for
/// <see cref="ClaimTimeout"/> expires and the task reopens. Decide methods return the event to append, or null when
/// nothing would change.
/// </summary>
public sealed class WorkTask
{
    public const int MaxEffortHours = 1000;

    public static readonly TimeSpan DefaultClaimTimeout = TimeSpan.FromDays(7);

    private readonly List<TaskEvent> _history = [];

    /// <summary>Configuration, not state: the limits this deployment enforces on new commands.</summary>
    public GovernanceLimits Limits { get; init; } = GovernanceLimits.Default;

    /// <summary>Configuration, not state: how long a claim lasts after it is made or last shows progress.</summary>
    public TimeSpan ClaimTimeout { get; init; } = DefaultClaimTimeout;

    public bool Exists => Created is not null;

    public TaskCreated? Created { get; private set; }

    public WorkTaskStatus Status { get; private set; }

    /// <summary>Who holds the task: its claimant while claimed, and who did the work once completed or reviewed.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>When the current claim lapses without progress; null unless claimed.</summary>
    public DateTimeOffset? ClaimExpiresAt { get; private set; }

    public TaskCompleted? Completion { get; private set; }

    /// <summary>The approving review, once there is one.</summary>
    public TaskReviewed? Approval { get; private set; }

    /// <summary>Reviews so far, approving or not; the board counts each review once by this number.</summary>
    public int ReviewCount { get; private set; }

    public long Version { get; private set; }

    /// <summary>Every event, oldest first: the task's readable history.</summary>
    public IReadOnlyList<TaskEvent> History => _history;

    public bool ClaimLapsed(DateTimeOffset now) => Status == WorkTaskStatus.Claimed && now >= ClaimExpiresAt;

    public TaskEvent DecideCreate(
        string cooperativeId,
        string title,
        string? description,
        IEnumerable<string>? requiredSkills,
        int? effortHours,
        DateTimeOffset? dueAt,
        TaskLink? link,
        double priority,
        string by,
        DateTimeOffset now)
    {
        if (Exists)
        {
            throw RuleViolationException.Conflict("task-exists", "A task with this id already exists.");
        }

        var validTitle = title?.Trim();
        if (string.IsNullOrEmpty(validTitle) || validTitle.Length > Limits.MaxTitleLength)
        {
            throw RuleViolationException.Invalid("invalid-title", $"'title' must be 1-{Limits.MaxTitleLength} characters.", "title");
        }

        if (description is not null && description.Length > Limits.MaxBodyLength)
        {
            throw RuleViolationException.Invalid("invalid-description", $"'description' must be at most {Limits.MaxBodyLength} characters.", "description");
        }

        var skills = Skills.Normalize(requiredSkills, "requiredSkills", Limits);
        if (effortHours is not (>= 1 and <= MaxEffortHours))
        {
            throw RuleViolationException.Invalid("invalid-effort", $"'effortHours' must be a whole number of hours, 1-{MaxEffortHours}.", "effortHours");
        }

        Deadlines.Validate(dueAt, now, Limits, "dueAt", "invalid-due-at");

        if (!double.IsFinite(priority) || priority is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, "A priority is between 0 and 1.");
        }

        return new TaskCreated(now, cooperativeId, validTitle, description, skills, effortHours.Value, dueAt, link, priority, by);
    }

    /// <summary>The expiry of a claim whose time has come, or null; commands apply it first, so a lapsed claim never blocks anyone.</summary>
    public TaskEvent? DecideExpire(DateTimeOffset now) =>
        ClaimLapsed(now) ? new ClaimExpired(now, ClaimedBy!) : null;

    public TaskEvent? DecideClaim(string memberId, DateTimeOffset now)
    {
        RequireExists();
        return Status switch
        {
            WorkTaskStatus.Open => new TaskClaimed(now, memberId, now + ClaimTimeout),
            WorkTaskStatus.Claimed when ClaimedBy == memberId => null,
            WorkTaskStatus.Claimed => throw RuleViolationException.Conflict("task-claimed", "Another member has claimed this task."),
            _ => throw NotOpen(),
        };
    }

    public TaskEvent DecideProgress(string memberId, string? note, DateTimeOffset now)
    {
        RequireClaimant(memberId, "post progress on");
        ValidateNote(note);
        return new ProgressPosted(now, memberId, note, now + ClaimTimeout);
    }

    public TaskEvent DecideRelease(string memberId, DateTimeOffset now)
    {
        RequireClaimant(memberId, "release");
        return new ClaimReleased(now, memberId);
    }

    public TaskEvent DecideComplete(string memberId, string? note, DateTimeOffset now)
    {
        RequireClaimant(memberId, "complete");
        ValidateNote(note);
        return new TaskCompleted(now, memberId, note);
    }

    /// <summary>Anyone but the member who did the work may review it; a rejection hands it back to them.</summary>
    public TaskEvent DecideReview(string memberId, bool approved, string? note, DateTimeOffset now)
    {
        RequireExists();
        if (Status != WorkTaskStatus.Completed)
        {
            throw RuleViolationException.Conflict("task-not-completed", $"Only completed work can be reviewed; this task is {Describe(Status)}.");
        }

        if (ClaimedBy == memberId)
        {
            throw RuleViolationException.Forbidden("own-work", "Members never review their own work; another member must.");
        }

        ValidateNote(note);
        return new TaskReviewed(now, memberId, approved, note, approved ? null : now + ClaimTimeout);
    }

    public void Apply(TaskEvent @event)
    {
        Version++;
        _history.Add(@event);
        switch (@event)
        {
            case TaskCreated created:
                Created = created;
                Status = WorkTaskStatus.Open;
                break;
            case TaskClaimed claimed:
                Status = WorkTaskStatus.Claimed;
                ClaimedBy = claimed.By;
                ClaimExpiresAt = claimed.ExpiresAt;
                break;
            case ProgressPosted progress:
                ClaimExpiresAt = progress.ExpiresAt;
                break;
            case ClaimReleased or ClaimExpired:
                Status = WorkTaskStatus.Open;
                ClaimedBy = null;
                ClaimExpiresAt = null;
                break;
            case TaskCompleted completed:
                Status = WorkTaskStatus.Completed;
                ClaimExpiresAt = null;
                Completion = completed;
                break;
            case TaskReviewed reviewed:
                ReviewCount++;
                Status = reviewed.Approved ? WorkTaskStatus.Reviewed : WorkTaskStatus.Claimed;
                ClaimExpiresAt = reviewed.ExpiresAt;
                Approval = reviewed.Approved ? reviewed : null;
                Completion = reviewed.Approved ? Completion : null;
                break;
            default:
                throw new InvalidOperationException($"Unknown task event {@event.GetType().Name}.");
        }
    }

    public void RequireExists()
    {
        if (!Exists)
        {
            throw RuleViolationException.NotFound("task-not-found", "No task has this id.");
        }
    }

    private void RequireClaimant(string memberId, string action)
    {
        RequireExists();
        if (Status != WorkTaskStatus.Claimed)
        {
            throw RuleViolationException.Conflict("task-not-claimed", $"Only a claimed task can be worked on; this one is {Describe(Status)}.");
        }

        if (ClaimedBy != memberId)
        {
            throw RuleViolationException.Forbidden("not-claimant", $"Only the member who claimed this task may {action} it.");
        }
    }

    private void ValidateNote(string? note)
    {
        if (note is not null && note.Length > Limits.MaxBodyLength)
        {
            throw RuleViolationException.Invalid("invalid-note", $"'note' must be at most {Limits.MaxBodyLength} characters.", "note");
        }
    }

    private RuleViolationException NotOpen() =>
        RuleViolationException.Conflict("task-not-open", $"Only an open task can be claimed; this one is {Describe(Status)}.");

    private static string Describe(WorkTaskStatus status) => status.ToString().ToLowerInvariant();
}
