using System.Runtime.CompilerServices;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Feed;
using Governance.Contracts.Paging;
using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;
using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using Governance.Grains.Cooperatives;
using Governance.Grains.Feed;
using Governance.Grains.Logging;
using Governance.Grains.Mapping;
using Governance.Grains.Reminders;
using Governance.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using DomainStatus = Governance.Domain.Decisions.DecisionStatus;

namespace Governance.Grains.Decisions;

/// <summary>
/// A liquid decision, proposal or priority poll: it loads its log, decides with the decision rules, appends one event
/// per accepted command and replies once it is durable. Weights come from the cooperative's snapshot, refreshed
/// while voting; the deadline is a durable reminder plus a timer while the decision is active. Each kind's grain
/// class is reentrant, as event-sourced grains are here.
/// </summary>
public abstract class DecisionGrain : FeedSourceGrain<DecisionEvent>, IDecisionGrain, IRemindable
{
    private readonly DecisionType _type;
    private readonly TimeProvider _clock;
    private readonly DurableAlarm _deadline;
    private readonly ILogger _logger;
    private readonly DecisionSnapshotCopy _copy = new();
    private readonly LiveResults _live = new();
    private readonly TimeSpan _liveInterval;
    private Decision _state;
    private CountedResult? _result;
    private CountedResult? _liveFrom;
    private IGrainTimer? _liveTimer;

    protected DecisionGrain(DecisionGrainServices services, DecisionType type)
        : base(services.Store, services.EventSourcing, services.Logger)
    {
        _type = type;
        _state = new Decision(type.Kind) { Limits = services.Limits };
        _clock = services.Clock;
        _logger = services.Logger;
        _liveInterval = services.Options.LiveResultInterval;
        _deadline = new DurableAlarm(this, "deadline", services.Options.DeadlineReminderPeriod, _clock, OnDeadlineAsync);
    }

    protected override string StreamId => $"{_type.Name}/{Key}";

    protected override string FeedCooperativeId => CooperativeId;

    protected override string FeedSourcePath => $"/v1/cooperatives/{CooperativeId}/{_type.Resource}/{DecisionId}";

    private string Key => this.GetPrimaryKeyString();

    private string DecisionId => DecisionKey.Parse(Key).DecisionId;

    private string CooperativeId => DecisionKey.Parse(Key).CooperativeId;

    private ICooperativeGrain Cooperative => GrainFactory.GetGrain<ICooperativeGrain>(CooperativeId);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private DateTimeOffset? VotingDeadline => _state.Status == DomainStatus.Voting ? _state.ClosesAt : null;

    /// <summary>While voting, the cooperative's layers as this copy holds them; otherwise none are needed.</summary>
    private ClosingLayers? LiveLayers => _copy.Snapshot is { } snapshot ? new ClosingLayers(snapshot.DefaultLayer, snapshot.TopicLayer) : null;

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

    public async Task<DecisionView> Create(DecisionDraft draft)
    {
        await WhenDurable();
        await Commit(_state.DecideCreate(draft.CooperativeId, draft.Command.ToDefinition(), draft.Command.CreatedBy, Now));
        return View();
    }

    public async Task<DecisionView> Get()
    {
        await WhenDurable();
        return View();
    }

    public async Task<FeedPage> ListEvents(string? after, int limit)
    {
        await WhenDurable();
        _state.RequireExists();
        return await ReadOwnEventsAsync(after, limit);
    }

    public async Task<DecisionView> Open(string by)
    {
        _state.DecideOpen(0, by, Now);
        var rosterVersion = await Cooperative.AuthorizeOpening(by);

        // The reminder goes first, so that no open decision is ever without one; a reminder that outlives a failed
        // open finds the decision not voting and removes itself.
        if (_state.ClosesAt is { } deadline)
        {
            await _deadline.SetAsync(deadline);
        }

        await Commit(_state.DecideOpen(rosterVersion, by, Now));
        _deadline.Arm(VotingDeadline);
        await NotifyIndexAsync();
        return View();
    }

    public async Task<DecisionView> Close(string by)
    {
        await CloseAsync(CloseReason.Requested, by);
        return View();
    }

    public async Task<DecisionBallotView> CastBallot(string memberId, DecisionBallotMarks marks)
    {
        var domainMarks = marks.ToDomain();
        await LoadSnapshotWhileVotingAsync();
        var committed = Commit(_state.DecideCastBallot(memberId, domainMarks, IsEligible(memberId), Now));

        // Read now: once the append is awaited, an interleaved withdrawal may already have removed the ballot.
        var ballot = _state.Ballots[memberId];
        await committed;
        GovernanceMetrics.VoteRecorded(_type.Name);
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

    public async Task<Page<DecisionBallotView>> ListBallots(string? cursor, int limit)
    {
        await WhenDurable();
        _state.RequireExists();
        var weighed = _state.Method != CountingMethod.Majority;
        if (weighed)
        {
            await RefreshWhileVotingAsync();
        }

        // Counted right after the refresh, before any interleaved command can add a ballot the weights lack.
        var weights = weighed ? _state.BallotWeights(_copy.Roster, LiveLayers) : null;
        var page = _state.Ballots.Values
            .Where(ballot => cursor is null || string.CompareOrdinal(ballot.MemberId, cursor) > 0)
            .Take(limit + 1)
            .Select(ballot => ballot.ToView(weights?[ballot.MemberId]))
            .ToList();
        var hasMore = page.Count > limit;
        if (hasMore)
        {
            page.RemoveAt(limit);
        }

        return new Page<DecisionBallotView>(page, hasMore ? page[^1].MemberId : null);
    }

    public async Task<VoteTraceView> Trace(string memberId)
    {
        await WhenDurable();
        _state.RequireExists();
        if (_state.Status == DomainStatus.Discussion)
        {
            throw RuleViolationException.Conflict("voting-not-open", "Voting has not opened yet, so no one is eligible.");
        }

        await RefreshSnapshotAsync();
        var roster = _copy.Roster!;
        var index = roster.IndexOfEligible(memberId);
        if (index < 0)
        {
            // Someone who joined after opening (or left before it) is known but not eligible; someone who never joined is not found.
            return roster.MemberIds.Contains(memberId, StringComparer.Ordinal)
                ? new VoteTraceView(memberId, false, null, null, [], LostReason.NotEligible)
                : throw RuleViolationException.NotFound("member-not-found", $"'{memberId}' is not a member of this cooperative.");
        }

        var trace = _state.Trace(roster, LiveLayers, index);
        var chain = trace.Hops
            .Select(hop => new TraceHopView(
                _state.MemberIdAt(roster, hop.From), _state.MemberIdAt(roster, hop.To, hop.From), hop.Scope.ToContract()))
            .ToList();
        // A ranking decision's ballots carry no choice; the network's stand-in for one says nothing.
        var carriedChoice = _state.Method == CountingMethod.Majority ? trace.Choice?.ToContract() : null;
        return new VoteTraceView(
            memberId,
            trace.Counted,
            trace.Carrier is { } carrier ? _state.MemberIdAt(roster, carrier) : null,
            carriedChoice,
            chain,
            trace.Loss?.ToContract());
    }

    public async Task<DecisionResultView> GetResult()
    {
        await PrepareResultAsync();
        return CurrentResult().ToView(_state);
    }

    public async IAsyncEnumerable<LiveResult> WatchResult([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var current = await CountLiveAsync();
        _live.Join();
        _liveTimer ??= this.RegisterGrainTimer(LiveTickAsync, new GrainTimerCreationOptions(_liveInterval, _liveInterval) { Interleave = true });
        try
        {
            yield return current;
            while (!current.Final)
            {
                current = await _live.NextAsync(current, cancellationToken);
                yield return current;
            }
        }
        finally
        {
            _live.Leave();
            if (_live.Watchers == 0)
            {
                _liveTimer?.Dispose();
                _liveTimer = null;
            }
        }
    }

    public async Task<DecisionAuditView> GetAudit()
    {
        await WhenDurable();
        _state.RequireAuditable();

        // The roster fixed at opening, fetched whole: ids are only appended, so the indexes the closing layers hold still name the same members.
        var snapshot = await Cooperative.GetDecisionSnapshot(_state.Topic, _state.RosterVersion!.Value, knownVersion: -1)
            ?? throw new InvalidOperationException("The cooperative answers a snapshot to a decision that knows none.");
        return _state.Audit(new EligibleRoster(snapshot.MemberIds, snapshot.Eligible)).ToView(_state, DecisionId);
    }

    public async Task<IReadOnlyDictionary<string, double>> GetItemPriorities()
    {
        await PrepareResultAsync();
        return CurrentResult() is RankingResult ranking
            ? ranking.ItemPriorities()
            : throw new InvalidOperationException("A majority decision ranks no items.");
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _deadline.Handles(reminderName) ? OnDeadlineAsync() : Task.CompletedTask;

    protected override void Apply(DecisionEvent @event) => _state.Apply(@event);

    protected override FeedItem? ToFeedItem(long version, DecisionEvent @event) =>
        DecisionFeedItems.ToFeedItem(version, @event, _type.Kind, DecisionId, () => _state.Result(null, null).ToView(_state));

    protected override DecisionEvent ReadEvent(byte[] data) => _type.Format.ReadEvent(data);

    protected override byte[] WriteEvent(DecisionEvent @event) => _type.Format.WriteEvent(@event);

    protected override byte[]? WriteSnapshot() =>
        _state.Exists ? _type.Format.WriteSnapshot(_state.ToSnapshot()) : null;

    protected override void RestoreSnapshot(byte[] snapshot) =>
        _state = Decision.FromSnapshot(_type.Format.ReadSnapshot(snapshot), _type.Kind, _state.Limits);

    private async Task CloseAsync(CloseReason reason, string? by)
    {
        _state.RequireClosable();
        await RefreshSnapshotAsync();
        if (by is not null)
        {
            // The point of no return for an admin's close: their role is checked last.
            await Cooperative.RequireAdmin(by);
        }

        await Commit(_state.DecideClose(_copy.Roster!, LiveLayers!, reason, Now, by));
        await NotifyIndexAsync();
        await UnregisterDeadlineAsync();
    }

    private async Task CloseAtDeadlineAsync()
    {
        try
        {
            await CloseAsync(CloseReason.Deadline, by: null);
            _logger.ClosedAtDeadline(_type.Kind.Noun, Key);
        }
        catch (RuleViolationException)
        {
            // Closed by request meanwhile; nothing left to do.
        }
    }

    /// <summary>The reminder or the timer fired: close once the deadline passed (timers may fire a little early), else wait on.</summary>
    private async Task OnDeadlineAsync()
    {
        if (_state.Status == DomainStatus.Voting && _state.DeadlinePassed(Now))
        {
            await CloseAtDeadlineAsync();
        }
        else if (_state.Status != DomainStatus.Voting)
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
            _logger.ReminderRemovalFailed(exception, _type.Kind.Noun, Key);
        }
    }

    /// <summary>The cooperative's index lists decisions by status; if it cannot be told now, the decision itself stays correct.</summary>
    private async Task NotifyIndexAsync()
    {
        var status = _state.Status.ToContract();
        try
        {
            await (_type == DecisionType.Proposal
                ? Cooperative.ProposalStatusChanged(DecisionId, status)
                : GrainFactory.GetGrain<IPriorityIndexGrain>(CooperativeId).PollStatusChanged(DecisionId, status));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.StatusIndexFailed(exception, _type.Kind.Noun, Key);
        }
    }

    private async Task LoadSnapshotWhileVotingAsync()
    {
        if (_state.Status == DomainStatus.Voting && _copy.Roster is null)
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
        if (changed && _state.Status == DomainStatus.Voting)
        {
            await Task.WhenAll(_state.DecideMembersLeft(_copy.Roster!, _copy.Snapshot!.CurrentMemberships, Now).Select(Commit));
        }
    }

    /// <summary>Live results need the cooperative's current layers; closed and discussion results need nothing from it.</summary>
    private async Task RefreshWhileVotingAsync()
    {
        if (_state.Status == DomainStatus.Voting)
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
    /// decision or the cooperative's snapshot changes, so repeated reads cost no resolution.
    /// </summary>
    private DecisionResult CurrentResult()
    {
        // Voting never reopens, so after the refresh the status is voting with a snapshot, or it has no live part.
        var snapshotVersion = _state.Status == DomainStatus.Voting ? _copy.Snapshot!.Version : -1;
        if (_result is null || _result.DecisionVersion != _state.Version || _result.SnapshotVersion != snapshotVersion)
        {
            _result = new CountedResult(_state.Version, snapshotVersion, _state.Result(_copy.Roster, LiveLayers));
            GovernanceMetrics.TallyComputed(_type.Name);
        }

        return _result.Result;
    }

    /// <summary>
    /// The result as watchers see it, counted again only when the decision or the cooperative's delegations changed
    /// since it was last published; publishing makes every watcher's next message this one object.
    /// </summary>
    private async Task<LiveResult> CountLiveAsync()
    {
        await PrepareResultAsync();
        var result = CurrentResult();
        if (_live.Latest is null || !ReferenceEquals(_liveFrom, _result))
        {
            _liveFrom = _result;
            _live.Publish(new LiveResult(
                _result!.DecisionVersion, Math.Max(_result.SnapshotVersion, 0), result.ToView(_state), _state.Status == DomainStatus.Closed));
        }

        return _live.Latest!;
    }

    /// <summary>While anyone watches: one look for changes per interval; a failure (the cooperative unreachable, say) waits for the next.</summary>
    private async Task LiveTickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CountLiveAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.LiveResultFailed(exception, _type.Kind.Noun, Key);
        }
    }

    private bool IsEligible(string memberId) => _copy.Roster?.IsEligible(memberId) == true;

    private DecisionView View()
    {
        _state.RequireExists();
        return _state.ToView(DecisionId);
    }

    /// <summary>A result and the decision version and cooperative snapshot version it was counted at (-1 when no snapshot counts).</summary>
    private sealed record CountedResult(long DecisionVersion, long SnapshotVersion, DecisionResult Result);
}
