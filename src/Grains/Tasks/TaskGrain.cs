using Governance.Contracts.Decisions;
using Governance.Contracts.Feed;
using Governance.Contracts.Paging;
using Governance.Contracts.Proposals;
using Governance.Contracts.Tasks;
using Governance.Domain.Rules;
using Governance.Domain.Tasks;
using Governance.Grains.EventSourcing;
using Governance.Grains.Feed;
using Governance.Grains.Paging;
using Governance.Grains.Reminders;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Tasks;

[Reentrant]
public sealed class TaskGrain : FeedSourceGrain<TaskEvent>, ITaskGrain, IRemindable
{
    private readonly TimeProvider _clock;
    private readonly TaskOptions _options;
    private readonly IPollPriorities _polls;
    private readonly ILogger<TaskGrain> _logger;
    private readonly WorkTask _state;
    private readonly DurableAlarm _expiry;

    public TaskGrain(
        IEventStore store,
        IOptions<EventSourcingOptions> eventSourcing,
        IOptions<TaskOptions> options,
        IOptions<GovernanceLimits> limits,
        IPollPriorities polls,
        TimeProvider clock,
        ILogger<TaskGrain> logger)
        : base(store, eventSourcing.Value, logger)
    {
        _options = options.Value;
        _state = new WorkTask { Limits = limits.Value, ClaimTimeout = _options.ClaimTimeout };
        _polls = polls;
        _clock = clock;
        _logger = logger;
        _expiry = new DurableAlarm(this, "claim-expiry", _options.ClaimReminderPeriod, clock, OnExpiryTimerAsync);
    }

    protected override string StreamId => $"task/{Key}";

    protected override string FeedCooperativeId => Ids.CooperativeId;

    protected override string FeedSourcePath => $"/v1/cooperatives/{Ids.CooperativeId}/tasks/{Ids.TaskId}";

    private string Key => this.GetPrimaryKeyString();

    private (string CooperativeId, string TaskId) Ids => TaskKey.Parse(Key);

    private ITaskBoardGrain Board => GrainFactory.GetGrain<ITaskBoardGrain>(Ids.CooperativeId);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private DateTimeOffset? ClaimExpiry => _state.Status == WorkTaskStatus.Claimed ? _state.ClaimExpiresAt : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (ClaimExpiry is { } expiry && !await _expiry.IsSetAsync(cancellationToken))
        {
            // The claim was recorded but its reminder was not (the silo stopped in between): register it now.
            await _expiry.SetAsync(expiry);
        }

        _expiry.Arm(ClaimExpiry);
    }

    public async Task<TaskView> Create(CreateTaskCommand command)
    {
        await WhenDurable();
        if (_state.Exists && SameTask(command))
        {
            return View();
        }

        var (cooperativeId, _) = Ids;
        var link = TaskLink.Validate(command.Link?.ProposalId, command.Link?.PollId, command.Link?.ItemId, _state.Limits.MaxIdLength);

        // Everything the command says is checked before the link is followed, so a malformed task costs no call.
        Decide(TaskPriority.Unlinked);
        var priority = await PriorityOfAsync(cooperativeId, link);
        await Commit(Decide(priority));
        return View();

        TaskEvent Decide(double priority) => _state.DecideCreate(
            cooperativeId, command.Title, command.Description, command.RequiredSkills, command.EffortHours, command.DueAt, link, priority, command.CreatedBy, Now);
    }

    public async Task<TaskView> Get()
    {
        await WhenDurable();
        return View();
    }

    public async Task<TaskView> Claim(string memberId)
    {
        await ExpireIfDueAsync();
        if (_state.DecideClaim(memberId, Now) is null)
        {
            await WhenDurable();
            return View();
        }

        // The reminder goes first, so that no claim is ever without one; a reminder that outlives a failed claim
        // finds the task not claimed and removes itself.
        await _expiry.SetAsync(Now + _options.ClaimTimeout);
        await Commit(_state.DecideClaim(memberId, Now));
        _expiry.Arm(ClaimExpiry);
        await ReportAsync();
        return View();
    }

    public async Task<TaskView> PostProgress(string memberId, string? note)
    {
        await ExpireIfDueAsync();
        await Commit(_state.DecideProgress(memberId, note, Now));

        // Moved after the commit: should the move fail, the reminder fires at the old time and moves itself then.
        _expiry.Disarm();
        _expiry.Arm(ClaimExpiry);
        await UpdateExpiryReminderAsync();
        return View();
    }

    public async Task<TaskView> Release(string memberId)
    {
        await ExpireIfDueAsync();
        await Commit(_state.DecideRelease(memberId, Now));
        await EndClaimAsync();
        return View();
    }

    public async Task<TaskView> Complete(string memberId, string? note)
    {
        await ExpireIfDueAsync();
        await Commit(_state.DecideComplete(memberId, note, Now));
        await EndClaimAsync();
        return View();
    }

    public async Task<TaskView> Review(string memberId, bool approved, string? note)
    {
        await ExpireIfDueAsync();
        _state.DecideReview(memberId, approved, note, Now);
        if (!approved)
        {
            // A rejection hands the claim back, so like a claim it gets its reminder before it is recorded.
            await _expiry.SetAsync(Now + _options.ClaimTimeout);
        }

        await Commit(_state.DecideReview(memberId, approved, note, Now));
        _expiry.Arm(ClaimExpiry);
        await ReportAsync();
        return View();
    }

    public async Task<Page<TaskEventView>> ListEvents(string? cursor, int limit)
    {
        await WhenDurable();
        _state.RequireExists();
        var history = _state.History;
        var position = Cursor.ToPosition(cursor);
        var items = new List<TaskEventView>(limit);
        for (; position < history.Count && items.Count < limit; position++)
        {
            items.Add(history[position].ToView(position + 1));
        }

        return new Page<TaskEventView>(items, Cursor.FromPosition(position, history.Count));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!_expiry.Handles(reminderName))
        {
            return;
        }

        if (_state.ClaimLapsed(Now))
        {
            await ExpireAsync();
        }
        else if (_state.Status == WorkTaskStatus.Claimed)
        {
            // Progress moved the expiry on since this reminder was set: follow it.
            await UpdateExpiryReminderAsync();
            _expiry.Arm(ClaimExpiry);
        }
        else
        {
            await UnregisterExpiryAsync();
        }
    }

    protected override void Apply(TaskEvent @event) => _state.Apply(@event);

    protected override FeedItem? ToFeedItem(long version, TaskEvent @event) => TaskFeedItems.ToFeedItem(version, @event, Ids.TaskId);

    /// <summary>A task's log is its readable history, kept whole in memory; it grows by a handful of events per claim.</summary>
    protected override bool KeepsSnapshots => false;

    protected override byte[]? WriteSnapshot() => null;

    protected override void RestoreSnapshot(byte[] snapshot) =>
        throw new InvalidOperationException("Task logs are never snapshotted.");

    private async Task<double> PriorityOfAsync(string cooperativeId, TaskLink? link)
    {
        if (link is null)
        {
            return TaskPriority.Unlinked;
        }

        if (link.IsProposal)
        {
            var proposal = await GrainFactory.GetGrain<IDecisionGrain>(DecisionKey.Proposal(cooperativeId, link.ProposalId!)).Get();
            return TaskPriority.ForProposal(proposal.Status == DecisionStatus.Closed, proposal.Outcome == ProposalOutcome.Accepted);
        }

        return TaskPriority.ForPollItem(await _polls.ItemPriorities(cooperativeId, link.PollId!), link.ItemId!);
    }

    /// <summary>A lapsed claim is recorded as expired before a command is decided, so it never blocks anyone.</summary>
    private async Task ExpireIfDueAsync()
    {
        var expiry = _state.DecideExpire(Now);
        if (expiry is not null)
        {
            await Commit(expiry);
            _logger.ClaimExpired(Key);
            await ReportAsync();
        }
    }

    private async Task ExpireAsync()
    {
        await ExpireIfDueAsync();
        await EndClaimAsync();
    }

    private async Task EndClaimAsync()
    {
        await UnregisterExpiryAsync();
        await ReportAsync();
    }

    private async Task OnExpiryTimerAsync()
    {
        if (_state.ClaimLapsed(Now))
        {
            await ExpireAsync();
        }
        else
        {
            // Timers may fire a little early; then the timer is armed again for what remains.
            _expiry.Arm(ClaimExpiry);
        }
    }

    /// <summary>Runs after a durable change, so a failure is logged, not returned: the reminder corrects itself when it fires.</summary>
    private async Task UpdateExpiryReminderAsync()
    {
        try
        {
            await _expiry.SetAsync(ClaimExpiry ?? Now);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.ReminderUpdateFailed(exception, Key);
        }
    }

    private async Task UnregisterExpiryAsync()
    {
        try
        {
            await _expiry.ClearAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.ReminderUpdateFailed(exception, Key);
        }
    }

    /// <summary>The board lists tasks and plans suggestions from these reports; if it cannot be told now, the task itself stays correct.</summary>
    private async Task ReportAsync()
    {
        try
        {
            await Board.TaskChanged(new TaskReport(Summary(), _state.Version, LastReview()));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.BoardReportFailed(exception, Key);
        }
    }

    private ReviewReport? LastReview() =>
        _state.History.OfType<TaskReviewed>().LastOrDefault() is { } review
            ? new ReviewReport(_state.ReviewCount, DoerOf(review), review.By, review.Approved, _state.Created!.EffortHours)
            : null;

    /// <summary>Who did the work a review judged: the member who completed it just before.</summary>
    private string DoerOf(TaskReviewed review) =>
        _state.History.TakeWhile(@event => !ReferenceEquals(@event, review)).OfType<TaskCompleted>().Last().By;

    /// <summary>Null-safe, since the command is not validated yet: anything else goes on to be refused as a conflict.</summary>
    private bool SameTask(CreateTaskCommand command)
    {
        var created = _state.Created!;
        return command.Title?.Trim() == created.Title && command.Description == created.Description && command.EffortHours == created.EffortHours
            && command.DueAt == created.DueAt && command.CreatedBy == created.By
            && (command.RequiredSkills ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).SequenceEqual(created.RequiredSkills)
            && command.Link == created.Link.ToContract();
    }

    private TaskSummaryView Summary()
    {
        var created = _state.Created!;
        return new TaskSummaryView(
            Ids.TaskId, created.Title, created.RequiredSkills, created.EffortHours, created.Priority, created.DueAt, _state.Status.ToContract(), _state.ClaimedBy, created.At, created.Link.ToContract());
    }

    private TaskView View()
    {
        _state.RequireExists();
        var created = _state.Created!;
        return new TaskView(
            Ids.TaskId,
            created.CooperativeId,
            created.Title,
            created.Description,
            created.RequiredSkills,
            created.EffortHours,
            created.DueAt,
            created.Link.ToContract(),
            created.Priority,
            _state.Status.ToContract(),
            created.At,
            created.By,
            _state.ClaimedBy,
            _state.ClaimExpiresAt,
            _state.Completion?.At,
            _state.Approval?.By);
    }
}
