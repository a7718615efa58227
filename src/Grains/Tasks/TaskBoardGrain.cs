using Governance.Contracts.Paging;
using Governance.Contracts.Tasks;
using Governance.Domain.Identifiers;
using Governance.Domain.Rules;
using Governance.Domain.Tasks;
using Governance.Grains.EventSourcing;
using Governance.Grains.Paging;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using ContractStatus = Governance.Contracts.Tasks.TaskStatus;

namespace Governance.Grains.Tasks;

[Reentrant]
public sealed class TaskBoardGrain : EventSourcedGrain<TaskBoardEvent>, ITaskBoardGrain
{
    private readonly TimeProvider _clock;
    private readonly GovernanceLimits _limits;
    private readonly IPollPriorities _polls;
    private readonly ILogger<TaskBoardGrain> _logger;
    private TaskBoard _state = new();
    private AssignmentPlan? _plan;
    private long _planVersion = -1;
    private Dictionary<string, IReadOnlyDictionary<string, double>> _planPriorities = [];

    public TaskBoardGrain(
        IEventStore store,
        IOptions<EventSourcingOptions> options,
        IOptions<GovernanceLimits> limits,
        TimeProvider clock,
        IPollPriorities polls,
        ILogger<TaskBoardGrain> logger)
        : base(store, options.Value, logger)
    {
        _clock = clock;
        _limits = limits.Value;
        _polls = polls;
        _logger = logger;
    }

    protected override string StreamId => $"task-board/{Id}";

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => _clock.GetUtcNow();

    public async Task<TaskView> CreateTask(CreateTaskCommand command)
    {
        var taskId = ResourceId.Require(command.Id, "id", _limits.MaxIdLength);
        var task = await GrainFactory.GetGrain<ITaskGrain>(TaskKey.Of(Id, taskId)).Create(command);

        // Listed only once the task exists, so the board never lists a task that failed to be created.
        await Commit(_state.DecideTaskReported(Listing(task), Now));
        return task;
    }

    public async Task<Page<TaskSummaryView>> ListTasks(ContractStatus? status, string? cursor, int limit)
    {
        await WhenDurable();
        var tasks = _state.Tasks;
        var wanted = status?.ToDomain();
        var position = Cursor.ToPosition(cursor);
        var items = new List<TaskSummaryView>(limit);
        for (; position < tasks.Count && items.Count < limit; position++)
        {
            if (wanted is null || tasks[position].Status == wanted)
            {
                items.Add(tasks[position].ToSummary());
            }
        }

        return new Page<TaskSummaryView>(items, Cursor.FromPosition(position, tasks.Count));
    }

    public async Task TaskChanged(TaskReport report)
    {
        var listed = Commit(_state.DecideTaskReported(report.Task.ToBoardTask(report.Version), Now));
        var review = report.LastReview;
        var counted = review is null
            ? Task.CompletedTask
            : Commit(_state.DecideReviewReported(report.Task.Id, review.Number, review.DoneBy, review.ReviewedBy, review.Approved, review.EffortHours, Now));
        await Task.WhenAll(listed, counted);
    }

    public Task SetVolunteer(string memberId, IReadOnlyList<string> skills, int weeklyCapacityHours, long memberVersion) =>
        Commit(_state.DecideSetVolunteer(memberId, skills, weeklyCapacityHours, memberVersion, Now));

    public Task RemoveVolunteer(string memberId, long memberVersion) =>
        Commit(_state.DecideRemoveVolunteer(memberId, memberVersion, Now));

    public async Task<SuggestionsView> GetSuggestions()
    {
        await WhenDurable();
        var plan = await PlanAsync();
        var held = SuggestionInput.HeldHours(_state.Tasks);
        return new SuggestionsView(
            [.. plan.Suggestions.Select(suggestion => new SuggestionView(
                suggestion.TaskId,
                _state.FindTask(suggestion.TaskId)!.Title,
                suggestion.MemberId,
                suggestion.Fit,
                suggestion.Priority,
                suggestion.MatchedSkills,
                suggestion.EffortHours,
                suggestion.MemberHoursUsed,
                held.GetValueOrDefault(suggestion.MemberId),
                suggestion.MemberCapacityHours,
                suggestion.Score))],
            plan.TotalScore);
    }

    public async Task<TaskView> AcceptSuggestion(string taskId, string memberId)
    {
        await WhenDurable();
        _state.RequireSuggestedTo(taskId, memberId, await PlanAsync());

        // The task decides the claim; it reports back here, which takes it out of the next plan.
        return await GrainFactory.GetGrain<ITaskGrain>(TaskKey.Of(Id, taskId)).Claim(memberId);
    }

    public async Task DeclineSuggestion(string taskId, string memberId)
    {
        await WhenDurable();
        await Commit(_state.DecideDecline(taskId, memberId, await PlanAsync(), Now));
    }

    public async Task<ContributionView> GetContributions(string memberId)
    {
        await WhenDurable();
        var contribution = _state.ContributionOf(memberId);
        return new ContributionView(memberId, contribution.TasksDone, contribution.EffortHoursDone, contribution.ReviewsGiven);
    }

    protected override void Apply(TaskBoardEvent @event) => _state.Apply(@event);

    /// <summary>A snapshot holds every task and volunteer, so it waits for at least as many events as it holds entries.</summary>
    protected override bool SnapshotDue(long eventsSinceSnapshot, int snapshotEvery) =>
        eventsSinceSnapshot >= Math.Max(snapshotEvery, _state.Tasks.Count + _state.VolunteerCount);

    protected override byte[] WriteSnapshot() => EventSerializer.Serialize(_state.ToSnapshot());

    protected override void RestoreSnapshot(byte[] snapshot) =>
        _state = TaskBoard.FromSnapshot(EventSerializer.Deserialize<TaskBoardSnapshot>(snapshot));

    /// <summary>The plan for the board and the polls' rankings as they are now, computed again only after either changed.</summary>
    private async Task<AssignmentPlan> PlanAsync()
    {
        var priorities = await CurrentPollPrioritiesAsync();
        if (_plan is null || _planVersion != _state.Version || !SamePriorities(priorities, _planPriorities))
        {
            _plan = _state.Suggest(priorities);
            _planVersion = _state.Version;
            _planPriorities = priorities;
        }

        return _plan;
    }

    /// <summary>One call per poll that open tasks serve; a poll that cannot answer now leaves its tasks at their created priority.</summary>
    private async Task<Dictionary<string, IReadOnlyDictionary<string, double>>> CurrentPollPrioritiesAsync()
    {
        var answers = await Task.WhenAll(_state.PollsServedByOpenTasks().Select(async pollId =>
        {
            try
            {
                return (PollId: pollId, Items: await _polls.ItemPriorities(Id, pollId));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.PollPrioritiesUnavailable(exception, Id, pollId);
                return (PollId: pollId, Items: (IReadOnlyDictionary<string, double>?)null);
            }
        }));
        return answers
            .Where(answer => answer.Items is not null)
            .ToDictionary(answer => answer.PollId, answer => answer.Items!, StringComparer.Ordinal);
    }

    private static bool SamePriorities(
        Dictionary<string, IReadOnlyDictionary<string, double>> current,
        Dictionary<string, IReadOnlyDictionary<string, double>> planned) =>
        current.Count == planned.Count
        && current.All(poll => planned.TryGetValue(poll.Key, out var items)
            && items.Count == poll.Value.Count
            && poll.Value.All(item => items.TryGetValue(item.Key, out var priority) && priority == item.Value));

    /// <summary>A task just created is at its first log version.</summary>
    private static BoardTask Listing(TaskView task) =>
        new TaskSummaryView(task.Id, task.Title, task.RequiredSkills, task.EffortHours, task.Priority, task.DueAt, task.Status, task.ClaimedBy, task.CreatedAt, task.Link)
            .ToBoardTask(1);
}
