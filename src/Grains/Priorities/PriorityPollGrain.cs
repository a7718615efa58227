using Governance.Contracts.Cooperatives;
using Governance.Contracts.Paging;
using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;
using Governance.Domain.Priorities.Polls;
using Governance.Domain.Proposals;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using Governance.Grains.Cooperatives;
using Governance.Grains.EventSourcing;
using Governance.Grains.Mapping;
using Governance.Grains.Proposals;
using Governance.Grains.Reminders;
using Governance.Grains.Storage;
using Governance.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Priorities;

/// <summary>
/// A priority poll, shaped like a proposal: it loads its log, decides with the poll rules, appends one event per
/// accepted command and replies once it is durable. Weights come from the same liquid rules and the same cooperative
/// snapshot as a proposal's tally; the deadline is a durable reminder plus a timer while the poll is active.
/// </summary>
[Reentrant]
public sealed class PriorityPollGrain : EventSourcedGrain<PollEvent>, IPriorityPollGrain, IRemindable
{
    // The tag that tells proposals from priority polls in the governance meter.
    private const string MetricDecision = "priority-poll";

    private readonly TimeProvider _clock;
    private readonly DurableAlarm _deadline;
    private readonly ILogger<PriorityPollGrain> _logger;
    private Poll _state;
    private readonly DecisionSnapshotCopy _copy = new();
    private CountedResult? _result;

    public PriorityPollGrain(
        IEventStore store,
        IOptions<EventSourcingOptions> eventSourcing,
        IOptions<ProposalOptions> options,
        IOptions<GovernanceLimits> limits,
        TimeProvider clock,
        ILogger<PriorityPollGrain> logger)
        : base(store, eventSourcing.Value, logger)
    {
        _state = new Poll { Limits = limits.Value };
        _clock = clock;
        _logger = logger;
        _deadline = new DurableAlarm(this, "deadline", options.Value.DeadlineReminderPeriod, clock, OnDeadlineAsync);
    }

    protected override string StreamId => $"priority-poll/{Key}";

    private string Key => this.GetPrimaryKeyString();

    private string PollId => PriorityPollKey.Parse(Key).PollId;

    private string CooperativeId => PriorityPollKey.Parse(Key).CooperativeId;

    private ICooperativeGrain Cooperative => GrainFactory.GetGrain<ICooperativeGrain>(CooperativeId);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private DateTimeOffset? VotingDeadline => _state.Status == PollStatus.Voting ? _state.ClosesAt : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (VotingDeadline is { } deadline && !await _deadline.IsSetAsync(cancellationToken))
        {
            // Opening was recorded but its reminder was not (the silo stopped in between): register it now.
            await _deadline.SetAsync(deadline);
        }

        _deadline.Arm(VotingDeadline);
    }

    public async Task<PriorityPollView> Create(PriorityPollDraft draft)
    {
        await WhenDurable();
        await Commit(_state.DecideCreate(draft.CooperativeId, draft.ToDefinition(), draft.CreatedBy, Now));
        return View();
    }

    public async Task<PriorityPollView> Get()
    {
        await WhenDurable();
        return View();
    }

    public async Task<PriorityPollView> Open(string by)
    {
        _state.DecideOpen(0, by, Now);
        var rosterVersion = await Cooperative.AuthorizeOpening(by);

        // The reminder goes first, so that no open poll is ever without one; a reminder that outlives a failed
        // open finds the poll not voting and removes itself.
        if (_state.ClosesAt is { } deadline)
        {
            await _deadline.SetAsync(deadline);
        }

        await Commit(_state.DecideOpen(rosterVersion, by, Now));
        _deadline.Arm(VotingDeadline);
        await NotifyIndexAsync();
        return View();
    }

    public async Task<PriorityPollView> Close(string by)
    {
        await CloseAsync(CloseReason.Requested, by);
        return View();
    }

    public async Task<PriorityBallotView> CastBallot(string memberId, PriorityBallotMarks marks)
    {
        var domainMarks = marks.ToDomain();
        await LoadSnapshotWhileVotingAsync();
        var committed = Commit(_state.DecideCastBallot(memberId, domainMarks, IsEligible(memberId), Now));

        // Read now: once the append is awaited, an interleaved withdrawal may already have removed the ballot.
        var ballot = _state.Ballots[memberId];
        await committed;
        GovernanceMetrics.VoteRecorded(MetricDecision);
        return ballot.ToView();
    }

    public async Task WithdrawBallot(string memberId)
    {
        await LoadSnapshotWhileVotingAsync();
        await Commit(_state.DecideWithdrawBallot(memberId, IsEligible(memberId), Now));
    }

    public async Task SetDelegation(string memberId, string? delegateId)
    {
        _state.DecideSetDelegation(memberId, delegateId, Now);
        await Cooperative.ValidateDelegation(memberId, delegateId);
        await Commit(_state.DecideSetDelegation(memberId, delegateId, Now));
    }

    public async Task ClearDelegation(string memberId)
    {
        _state.DecideClearDelegation(memberId, Now);
        await Cooperative.ValidateDelegation(memberId, null);
        await Commit(_state.DecideClearDelegation(memberId, Now));
    }

    public Task MemberLeft(string memberId) => Commit(_state.DecideMemberLeft(memberId, Now));

    public async Task<Page<WeightedBallotView>> ListBallots(string? cursor, int limit)
    {
        await WhenDurable();
        _state.RequireExists();
        await RefreshWhileVotingAsync();

        // Counted right after the refresh, before any interleaved command can add a ballot the weights lack.
        var weights = _state.CountedWeights(LiveWeights).Weights;
        var page = _state.Ballots.Values
            .Where(ballot => cursor is null || string.CompareOrdinal(ballot.MemberId, cursor) > 0)
            .Take(limit + 1)
            .Select(ballot => ballot.ToView(weights[ballot.MemberId]))
            .ToList();
        var hasMore = page.Count > limit;
        if (hasMore)
        {
            page.RemoveAt(limit);
        }

        return new Page<WeightedBallotView>(page, hasMore ? page[^1].MemberId : null);
    }

    public async Task<PriorityTraceView> Trace(string memberId)
    {
        await WhenDurable();
        _state.RequireExists();
        if (_state.Status == PollStatus.Discussion)
        {
            throw RuleViolationException.Conflict("voting-not-open", "Voting has not opened yet, so no one is eligible.");
        }

        await RefreshSnapshotAsync();
        var index = _copy.Roster!.IndexOfEligible(memberId);
        if (index < 0)
        {
            // Someone who joined after opening (or left before it) is known but not eligible; someone who never joined is not found.
            return _copy.Roster.MemberIds.Contains(memberId, StringComparer.Ordinal)
                ? new PriorityTraceView(memberId, false, null, [], LostReason.NotEligible)
                : throw RuleViolationException.NotFound("member-not-found", $"'{memberId}' is not a member of this cooperative.");
        }

        var trace = LiquidResolver.Trace(_state.Network(_copy.Roster, Layers()), index);
        var chain = trace.Hops
            .Select(hop => new PriorityTraceHopView(IdAt(hop.From), IdAt(hop.To, hop.From), hop.Scope.ToPriorityScope()))
            .ToList();
        return new PriorityTraceView(memberId, trace.Counted, trace.Carrier is { } carrier ? IdAt(carrier) : null, chain, trace.Loss?.ToContract());
    }

    public async Task<PriorityResultView> GetResult()
    {
        await PrepareResultAsync();
        var result = CurrentResult();
        GovernanceMetrics.TallyComputed(MetricDecision);
        var titles = _state.Created!.Items.ToDictionary(item => item.Id, item => item.Title, StringComparer.Ordinal);
        return new PriorityResultView(
            _state.Status.ToContract(),
            _state.Method.ToContract(),
            result.Eligible,
            result.Participation,
            [.. result.Ranking.Entries.Select(entry => new RankedItemView(entry.Position, entry.Item, titles[entry.Item], entry.Score, entry.Tied))],
            result.Schulze?.ToView());
    }

    public async Task<IReadOnlyDictionary<string, double>> GetItemPriorities()
    {
        await PrepareResultAsync();
        return CurrentResult().ItemPriorities();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _deadline.Handles(reminderName) ? OnDeadlineAsync() : Task.CompletedTask;

    protected override void Apply(PollEvent @event) => _state.Apply(@event);

    protected override byte[]? WriteSnapshot() =>
        _state.Exists ? EventSerializer.Serialize(_state.ToSnapshot()) : null;

    protected override void RestoreSnapshot(byte[] snapshot) =>
        _state = Poll.FromSnapshot(EventSerializer.Deserialize<PollSnapshot>(snapshot), _state.Limits);

    private async Task CloseAsync(CloseReason reason, string? by)
    {
        _state.RequireClosable();
        await RefreshSnapshotAsync();
        if (by is not null)
        {
            // The point of no return for an admin's close: their role is checked last.
            await Cooperative.RequireAdmin(by);
        }

        await Commit(_state.DecideClose(_copy.Roster!, Layers(), reason, Now, by));
        await NotifyIndexAsync();
        await UnregisterDeadlineAsync();
    }

    private async Task CloseAtDeadlineAsync()
    {
        try
        {
            await CloseAsync(CloseReason.Deadline, by: null);
            _logger.PollClosedAtDeadline(Key);
        }
        catch (RuleViolationException)
        {
            // Closed by request meanwhile; nothing left to do.
        }
    }

    /// <summary>The reminder or the timer fired: close once the deadline passed (timers may fire a little early), else wait on.</summary>
    private async Task OnDeadlineAsync()
    {
        if (_state.Status == PollStatus.Voting && _state.DeadlinePassed(Now))
        {
            await CloseAtDeadlineAsync();
        }
        else if (_state.Status != PollStatus.Voting)
        {
            await UnregisterDeadlineAsync();
        }
        else
        {
            _deadline.Arm(VotingDeadline);
        }
    }

    /// <summary>Runs after the close is durable, so a failure is logged, not returned; the reminder removes itself when it next fires.</summary>
    private async Task UnregisterDeadlineAsync()
    {
        _deadline.Disarm();
        if (_state.ClosesAt is null)
        {
            return;
        }

        try
        {
            await _deadline.ClearAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.PollReminderRemovalFailed(exception, Key);
        }
    }

    /// <summary>The index lists polls by status; if it cannot be told now, the poll itself stays correct.</summary>
    private async Task NotifyIndexAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IPriorityIndexGrain>(CooperativeId).PollStatusChanged(PollId, _state.Status.ToContract());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.PollStatusIndexFailed(exception, Key);
        }
    }

    private async Task LoadSnapshotWhileVotingAsync()
    {
        if (_state.Status == PollStatus.Voting && _copy.Roster is null)
        {
            await RefreshSnapshotAsync();
        }
    }

    /// <summary>
    /// Brings the cooperative's current snapshot, and records the departures it reveals that no notice brought, in
    /// the same step, so that nothing is counted from it before they apply.
    /// </summary>
    private async Task RefreshSnapshotAsync()
    {
        var changed = await _copy.RefreshAsync(Cooperative, _state.Topic, _state.RosterVersion ?? throw new InvalidOperationException("Voting has not opened."));
        if (changed && _state.Status == PollStatus.Voting)
        {
            await Task.WhenAll(_state.DecideMembersLeft(_copy.Roster!, _copy.Snapshot!.CurrentMemberships, Now).Select(Commit));
        }
    }

    /// <summary>While voting, the cooperative's current layers; once closed, the layers the weights were frozen under.</summary>
    private ClosingLayers Layers() => _state.Closing?.Layers ?? new ClosingLayers(_copy.Snapshot!.DefaultLayer, _copy.Snapshot.TopicLayer);

    /// <summary>Live counts need the cooperative's current layers; closed and discussion counts need nothing from it.</summary>
    private async Task RefreshWhileVotingAsync()
    {
        if (_state.Status == PollStatus.Voting)
        {
            await RefreshSnapshotAsync();
        }
    }

    private async Task PrepareResultAsync()
    {
        await WhenDurable();
        _state.RequireExists();
        await RefreshWhileVotingAsync();
    }

    /// <summary>
    /// The result now, read right after <see cref="PrepareResultAsync"/> with no await between. It is kept until the
    /// poll or the cooperative's snapshot changes, so repeated reads cost no resolution.
    /// </summary>
    private PollResult CurrentResult()
    {
        // Voting never reopens, so after the refresh the status is voting with a snapshot, or it has no live part.
        var snapshotVersion = _state.Status == PollStatus.Voting ? _copy.Snapshot!.Version : -1;
        if (_result is null || _result.PollVersion != _state.Version || _result.SnapshotVersion != snapshotVersion)
        {
            _result = new CountedResult(_state.Version, snapshotVersion, _state.Result(LiveWeights));
        }

        return _result.Result;
    }

    private (IReadOnlyDictionary<string, int> Weights, int Eligible) LiveWeights() =>
        (_state.BallotWeights(_copy.Roster!, Layers()), _copy.Roster!.EligibleCount);

    private bool IsEligible(string memberId) => _copy.Roster?.IsEligible(memberId) == true;

    /// <summary>A hop can lead past the roster this poll holds only through its own delegation to a newer member.</summary>
    private string IdAt(int index, int from = -1) =>
        _copy.Roster!.MemberIdAt(index)
        ?? (from >= 0 && _state.Delegations.GetValueOrDefault(_copy.Roster.MemberIds[from]) is { } delegateId ? delegateId : "unknown");

    private PriorityPollView View()
    {
        _state.RequireExists();
        var created = _state.Created!;
        return new PriorityPollView(
            PollId,
            created.CooperativeId,
            created.Title,
            created.Body,
            created.Topic,
            created.Method.ToContract(),
            created.Method == PollMethod.Score ? created.Parameter : null,
            created.Method == PollMethod.Quadratic ? created.Parameter : null,
            created.Method == PollMethod.Dot ? created.Parameter : null,
            [.. created.Items.Select(item => new PriorityItemView(item.Id, item.Title))],
            _state.Status.ToContract(),
            created.At,
            _state.Opened?.At,
            created.ClosesAt,
            _state.Closing?.At,
            created.CreatedBy,
            _state.Opened?.By,
            _state.Closing?.By);
    }

    /// <summary>A result and the poll version and cooperative snapshot version it was counted at (-1 when no snapshot counts).</summary>
    private sealed record CountedResult(long PollVersion, long SnapshotVersion, PollResult Result);
}
