using Governance.Domain.Rules;

namespace Governance.Domain.Tasks;

/// <summary>
/// A cooperative's tasks seen together: the index of tasks (listing, and what suggestions plan over), the directory
/// of volunteers that their people keep current, the suggestions members declined, and each member's contributions.
/// Tasks and people report here; the board never asks them, so planning costs no call per member.
/// </summary>
public sealed class TaskBoard
{
    private readonly List<BoardTask> _tasks = [];
    private readonly Dictionary<string, int> _taskIndexById = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, BoardVolunteer> _volunteers = new(StringComparer.Ordinal);
    private readonly HashSet<DeclinedPair> _declined = [];
    private readonly Dictionary<string, Contribution> _contributions = new(StringComparer.Ordinal);

    public long Version { get; private set; }

    /// <summary>Tasks in the order they were created.</summary>
    public IReadOnlyList<BoardTask> Tasks => _tasks;

    public IEnumerable<BoardVolunteer> Volunteers => _volunteers.Values;

    public int VolunteerCount => _volunteers.Count;

    public BoardTask? FindTask(string taskId) => _taskIndexById.TryGetValue(taskId, out var index) ? _tasks[index] : null;

    public BoardVolunteer? FindVolunteer(string memberId) => _volunteers.GetValueOrDefault(memberId);

    public Contribution ContributionOf(string memberId) => _contributions.GetValueOrDefault(memberId, Contribution.None);

    /// <summary>A task reported its state; older reports than the one already recorded change nothing.</summary>
    public TaskBoardEvent? DecideTaskReported(BoardTask reported, DateTimeOffset now)
    {
        var known = FindTask(reported.TaskId);
        if (known is null)
        {
            return new TaskListed(now, reported with { ReviewsCounted = 0 });
        }

        return reported.TaskVersion <= known.TaskVersion || (reported.Status == known.Status && reported.Holder == known.Holder)
            ? null
            : new TaskStatusChanged(now, reported.TaskId, reported.Status, reported.Holder, reported.TaskVersion);
    }

    /// <summary>Counts a review once, however often the task reports it.</summary>
    public TaskBoardEvent? DecideReviewReported(string taskId, int reviewNumber, string doneBy, string reviewedBy, bool approved, int effortHours, DateTimeOffset now) =>
        FindTask(taskId) is { } task && reviewNumber > task.ReviewsCounted
            ? new ReviewCounted(now, taskId, reviewNumber, doneBy, reviewedBy, approved, effortHours)
            : null;

    public TaskBoardEvent? DecideSetVolunteer(string memberId, IReadOnlyList<string> skills, int weeklyCapacityHours, long memberVersion, DateTimeOffset now) =>
        FindVolunteer(memberId) is { } known && known.MemberVersion >= memberVersion
            ? null
            : new VolunteerSet(now, memberId, skills, weeklyCapacityHours, memberVersion);

    public TaskBoardEvent? DecideRemoveVolunteer(string memberId, long memberVersion, DateTimeOffset now) =>
        FindVolunteer(memberId) is { } known && known.MemberVersion >= memberVersion
            ? null
            : new VolunteerRemoved(now, memberId, memberVersion);

    /// <summary>The polls whose items open tasks serve: their current rankings give those tasks their priority.</summary>
    public IReadOnlyList<string> PollsServedByOpenTasks() =>
        [.. _tasks
            .Where(task => task.Status == WorkTaskStatus.Open && task.Link?.PollId is not null)
            .Select(task => task.Link!.PollId!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The best plan for the open tasks and the volunteers' free hours, leaving out every declined pair. A task serving
    /// a poll item takes the item's current priority from <paramref name="pollPriorities"/> (poll id → item → priority);
    /// a poll missing there leaves the priority the task was created with.
    /// </summary>
    public AssignmentPlan Suggest(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? pollPriorities = null)
    {
        var (tasks, members) = SuggestionInput.Build(_tasks, _volunteers.Values, _declined, pollPriorities);
        return TaskAssignment.Suggest(tasks, members);
    }

    /// <summary>The suggestion of this task to this member in <paramref name="plan"/>; nobody gets a task they were not suggested.</summary>
    public TaskSuggestion RequireSuggestedTo(string taskId, string memberId, AssignmentPlan plan)
    {
        var task = FindTask(taskId) ?? throw RuleViolationException.NotFound("task-not-found", "No task has this id.");
        if (task.Status != WorkTaskStatus.Open)
        {
            throw RuleViolationException.Conflict("task-not-open", "The task is no longer open, so it is suggested to nobody.");
        }

        var suggestion = plan.Suggestions.SingleOrDefault(candidate => candidate.TaskId == taskId)
            ?? throw RuleViolationException.Conflict("not-suggested", "The task is suggested to nobody at the moment.");
        return suggestion.MemberId == memberId
            ? suggestion
            : throw RuleViolationException.Forbidden("suggested-to-another", "The task is suggested to another member; only they may accept or decline it.");
    }

    public TaskBoardEvent DecideDecline(string taskId, string memberId, AssignmentPlan plan, DateTimeOffset now)
    {
        RequireSuggestedTo(taskId, memberId, plan);
        return new SuggestionDeclined(now, taskId, memberId);
    }

    public TaskBoardSnapshot ToSnapshot() =>
        new(Version, [.. _tasks], [.. _volunteers.Values], [.. _declined], new Dictionary<string, Contribution>(_contributions, StringComparer.Ordinal));

    public static TaskBoard FromSnapshot(TaskBoardSnapshot snapshot)
    {
        var board = new TaskBoard();
        foreach (var task in snapshot.Tasks)
        {
            board.AddTask(task);
        }

        foreach (var volunteer in snapshot.Volunteers)
        {
            board._volunteers[volunteer.MemberId] = volunteer;
        }

        board._declined.UnionWith(snapshot.Declined);
        foreach (var (memberId, contribution) in snapshot.Contributions)
        {
            board._contributions[memberId] = contribution;
        }

        board.Version = snapshot.Version;
        return board;
    }

    public void Apply(TaskBoardEvent @event)
    {
        Version++;
        switch (@event)
        {
            case TaskListed listed:
                AddTask(listed.Task);
                break;
            case TaskStatusChanged changed:
                var index = _taskIndexById[changed.TaskId];
                _tasks[index] = _tasks[index] with { Status = changed.Status, Holder = changed.Holder, TaskVersion = changed.TaskVersion };
                break;
            case ReviewCounted review:
                var reviewed = _taskIndexById[review.TaskId];
                _tasks[reviewed] = _tasks[reviewed] with { ReviewsCounted = review.ReviewNumber };
                var reviewer = ContributionOf(review.ReviewedBy);
                _contributions[review.ReviewedBy] = reviewer with { ReviewsGiven = reviewer.ReviewsGiven + 1 };
                if (review.Approved)
                {
                    var doer = ContributionOf(review.DoneBy);
                    _contributions[review.DoneBy] = doer with { TasksDone = doer.TasksDone + 1, EffortHoursDone = doer.EffortHoursDone + review.EffortHours };
                }

                break;
            case VolunteerSet set:
                _volunteers[set.MemberId] = new BoardVolunteer(set.MemberId, set.Skills, set.WeeklyCapacityHours, set.MemberVersion, Active: true);
                break;
            case VolunteerRemoved removed:
                _volunteers[removed.MemberId] = new BoardVolunteer(removed.MemberId, [], 0, removed.MemberVersion, Active: false);
                break;
            case SuggestionDeclined declined:
                _declined.Add(new DeclinedPair(declined.TaskId, declined.MemberId));
                break;
            default:
                throw new InvalidOperationException($"Unknown task board event {@event.GetType().Name}.");
        }
    }

    private void AddTask(BoardTask task)
    {
        _taskIndexById[task.TaskId] = _tasks.Count;
        _tasks.Add(task);
    }
}
