using System.Runtime.CompilerServices;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Feed;
using Governance.Contracts.Paging;
using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;
using Governance.Domain.Cooperatives;
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
    private readonly LiveLayers _layers;
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
        _layers = new LiveLayers(() => Cooperative);
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

    /// <summary>The cooperative's layers as the whole snapshot fetched to close, or to trace a closed decision, holds them.</summary>
    private ClosingLayers? FetchedLayers => _copy.Snapshot is { } snapshot ? new ClosingLayers(snapshot.DefaultLayer, snapshot.TopicLayer) : null;

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
        await StartLiveWhileVotingAsync(memberId);
        var committed = Commit(_state.DecideCastBallot(memberId, domainMarks, IsEligible(memberId), Now));

        // Read now: once the append is awaited, an interleaved withdrawal may already have removed the ballot.
        var ballot = _state.Ballots[memberId];
        await committed;
        GovernanceMetrics.VoteRecorded(_type.Name);
        return ballot.ToView();
    }

    public async Task WithdrawBallot(string memberId)
    {
        await StartLiveWhileVotingAsync(memberId);
        await Commit(_state.DecideWithdrawBallot(memberId, IsEligible(memberId), Now));
    }

    public async Task SetDelegation(string memberId, string? delegateId)
    {
        _state.DecideSetDelegation(memberId, delegateId, Now);
        await Cooperative.ValidateDelegation(memberId, delegateId);
        await _layers.MapAsync(_state, memberId, delegateId);
        await Commit(_state.DecideSetDelegation(memberId, delegateId, Now));
    }

    public async Task ClearDelegation(string memberId)
    {
        _state.DecideClearDelegation(memberId, Now);
        await Cooperative.ValidateDelegation(memberId, null);
        await _layers.MapAsync(_state, memberId);
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
        var weights = !weighed ? null : _state.Status == DomainStatus.Voting ? _state.LiveBallotWeights() : _state.BallotWeights(null, null);
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

        return _state.Status == DomainStatus.Voting ? await TraceLiveAsync(memberId) : await TraceClosedAsync(memberId);
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

        await Commit(_state.DecideClose(_copy.Roster!, FetchedLayers!, reason, Now, by));
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

    /// <summary>While voting, the live count started and the member mapped, so that eligibility is read from it.</summary>
    private async Task StartLiveWhileVotingAsync(string memberId)
    {
        if (_state.Status == DomainStatus.Voting)
        {
            await CommitDeparturesAsync(await _layers.StartedAsync(_state));
            await _layers.MapAsync(_state, memberId);
        }
    }

    /// <summary>Records the departures the cooperative reported that no notice brought, before anything is counted from its layers.</summary>
    private Task CommitDeparturesAsync(IReadOnlyList<DepartedMembership> ended) =>
        Task.WhenAll(_state.DecideDeparturesHeld(ended, Now).Select(Commit));

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

    /// <summary>Live results follow the cooperative's layers, by the changes since the count last looked; closed and discussion results need nothing from it.</summary>
    private async Task RefreshWhileVotingAsync()
    {
        if (_state.Status == DomainStatus.Voting)
        {
            await CommitDeparturesAsync(await _layers.CatchUpAsync(_state));
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
        // Voting never reopens, so after the refresh the status is voting with a live count, or it has no live part.
        var layersVersion = _state.Status == DomainStatus.Voting ? _state.Live!.Version : -1;
        if (_result is null || _result.DecisionVersion != _state.Version || _result.SnapshotVersion != layersVersion)
        {
            _result = new CountedResult(_state.Version, layersVersion, _state.Status == DomainStatus.Voting ? _state.LiveResult() : _state.Result(null, null));
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

    /// <summary>A chain read from the live count, with the ids of its members asked of the cooperative: O(chain length).</summary>
    private async Task<VoteTraceView> TraceLiveAsync(string memberId)
    {
        await RefreshWhileVotingAsync();
        await _layers.MapAsync(_state, memberId);
        var index = _state.Live?.IndexOfEligible(memberId) ?? -1;
        if (index < 0)
        {
            var membership = (await Cooperative.GetMemberships([memberId], _state.RosterVersion!.Value))[0];
            return NotEligibleOrUnknown(memberId, known: membership >= 0);
        }

        var trace = _state.Live!.Trace(index);
        int[] indices = [.. trace.Hops.SelectMany(hop => new[] { hop.From, hop.To }).Append(trace.Carrier ?? index).Distinct()];
        var ids = await Cooperative.GetMemberIds(indices);
        var idAt = indices.Zip(ids).ToDictionary(pair => pair.First, pair => pair.Second);
        string IdOf(int at, int from = -1) =>
            idAt.GetValueOrDefault(at)
            ?? (from >= 0 && idAt.GetValueOrDefault(from) is { } fromId && _state.Delegations.GetValueOrDefault(fromId) is { } delegateId ? delegateId : "unknown");
        return ToView(memberId, trace, hop => IdOf(hop.From), hop => IdOf(hop.To, hop.From), carrier => IdOf(carrier));
    }

    /// <summary>A closed decision's chain under the layers it was frozen with, over the roster fixed at opening.</summary>
    private async Task<VoteTraceView> TraceClosedAsync(string memberId)
    {
        await RefreshSnapshotAsync();
        var roster = _copy.Roster!;
        var index = roster.IndexOfEligible(memberId);
        if (index < 0)
        {
            return NotEligibleOrUnknown(memberId, known: roster.MemberIds.Contains(memberId, StringComparer.Ordinal));
        }

        var trace = _state.Trace(roster, FetchedLayers, index);
        return ToView(
            memberId, trace, hop => _state.MemberIdAt(roster, hop.From), hop => _state.MemberIdAt(roster, hop.To, hop.From), carrier => _state.MemberIdAt(roster, carrier));
    }

    /// <summary>Someone who joined after opening (or left before it) is known but not eligible; someone who never joined is not found.</summary>
    private static VoteTraceView NotEligibleOrUnknown(string memberId, bool known) =>
        known
            ? new VoteTraceView(memberId, false, null, null, [], LostReason.NotEligible)
            : throw RuleViolationException.NotFound("member-not-found", $"'{memberId}' is not a member of this cooperative.");

    private VoteTraceView ToView(string memberId, VoteTrace trace, Func<TraceHop, string> from, Func<TraceHop, string> to, Func<int, string> carrierId)
    {
        var chain = trace.Hops.Select(hop => new TraceHopView(from(hop), to(hop), hop.Scope.ToContract())).ToList();

        // A ranking decision's ballots carry no choice; the network's stand-in for one says nothing.
        var carriedChoice = _state.Method == CountingMethod.Majority ? trace.Choice?.ToContract() : null;
        return new VoteTraceView(
            memberId, trace.Counted, trace.Carrier is { } carrier ? carrierId(carrier) : null, carriedChoice, chain, trace.Loss?.ToContract());
    }

    private bool IsEligible(string memberId) => _state.Live?.IsEligible(memberId) == true;

    private DecisionView View()
    {
        _state.RequireExists();
        return _state.ToView(DecisionId);
    }

    /// <summary>A result and the decision version and cooperative snapshot version it was counted at (-1 when no snapshot counts).</summary>
    private sealed record CountedResult(long DecisionVersion, long SnapshotVersion, DecisionResult Result);
}
