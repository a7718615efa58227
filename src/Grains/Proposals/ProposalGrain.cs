using Governance.Contracts.Cooperatives;
using Governance.Contracts.Paging;
using Governance.Contracts.Proposals;
using Governance.Domain.Proposals;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using Governance.Grains.Cooperatives;
using Governance.Grains.EventSourcing;
using Governance.Grains.Logging;
using Governance.Grains.Mapping;
using Governance.Grains.Reminders;
using Governance.Grains.Storage;
using Governance.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using DomainStatus = Governance.Domain.Proposals.ProposalStatus;

namespace Governance.Grains.Proposals;

[Reentrant]
public sealed class ProposalGrain : EventSourcedGrain<ProposalEvent>, IProposalGrain, IRemindable
{
    // The tag that tells proposals from priority polls in the governance meter.
    private const string MetricDecision = "proposal";

    private readonly TimeProvider _clock;
    private readonly DurableAlarm _deadline;
    private readonly ILogger<ProposalGrain> _logger;
    private Proposal _state;
    private readonly DecisionSnapshotCopy _copy = new();

    public ProposalGrain(
        IEventStore store,
        IOptions<EventSourcingOptions> eventSourcing,
        IOptions<ProposalOptions> options,
        IOptions<GovernanceLimits> limits,
        TimeProvider clock,
        ILogger<ProposalGrain> logger)
        : base(store, eventSourcing.Value, logger)
    {
        _state = new Proposal { Limits = limits.Value };
        _clock = clock;
        _logger = logger;
        _deadline = new DurableAlarm(this, "deadline", options.Value.DeadlineReminderPeriod, clock, OnDeadlineAsync);
    }

    protected override string StreamId => $"proposal/{Key}";

    private string Key => this.GetPrimaryKeyString();

    private string ProposalId => ProposalKey.Parse(Key).ProposalId;

    private ICooperativeGrain Cooperative => GrainFactory.GetGrain<ICooperativeGrain>(ProposalKey.Parse(Key).CooperativeId);

    private DateTimeOffset Now => _clock.GetUtcNow();

    private DateTimeOffset? VotingDeadline => _state.Status == DomainStatus.Voting ? _state.ClosesAt : null;

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

    public async Task<ProposalView> Create(ProposalDraft draft)
    {
        await WhenDurable();
        if (_state.Exists && SameDraft(draft))
        {
            return View();
        }

        var rule = new DecisionRule(draft.Quorum, draft.Threshold);
        await Commit(_state.DecideCreate(draft.CooperativeId, draft.Title, draft.Body, draft.Topic, draft.ClosesAt, rule, draft.CreatedBy, Now));
        return View();
    }

    public async Task<ProposalView> Get()
    {
        await WhenDurable();
        return View();
    }

    public async Task<ProposalView> Open(string by)
    {
        _state.DecideOpen(0, by, Now);
        var rosterVersion = await Cooperative.AuthorizeOpening(by);

        // The reminder goes first, so that no open proposal is ever without one; a reminder that outlives a failed
        // open finds the proposal not voting and removes itself.
        if (_state.ClosesAt is { } deadline)
        {
            await _deadline.SetAsync(deadline);
        }

        await Commit(_state.DecideOpen(rosterVersion, by, Now));
        _deadline.Arm(VotingDeadline);
        await NotifyCooperativeAsync();
        return View();
    }

    public async Task<ProposalView> Close(string by)
    {
        await CloseAsync(CloseReason.Requested, by);
        return View();
    }

    public async Task<BallotView> CastVote(string memberId, VoteChoice choice)
    {
        var domainChoice = choice.ToDomain();
        await LoadSnapshotWhileVotingAsync();
        var committed = Commit(_state.DecideCastVote(memberId, domainChoice, IsEligible(memberId), Now));

        // Read now: once the append is awaited, an interleaved withdrawal may already have removed the ballot.
        var ballot = _state.Ballots[memberId];
        await committed;
        GovernanceMetrics.VoteRecorded(MetricDecision);
        return new BallotView(ballot.MemberId, ballot.Choice.ToContract(), ballot.CastAt);
    }

    public async Task WithdrawVote(string memberId)
    {
        await LoadSnapshotWhileVotingAsync();
        await Commit(_state.DecideWithdrawVote(memberId, IsEligible(memberId), Now));
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

    public async Task<Page<BallotView>> ListBallots(string? cursor, int limit)
    {
        await WhenDurable();
        _state.RequireExists();
        var page = _state.Ballots.Values
            .Where(ballot => cursor is null || string.CompareOrdinal(ballot.MemberId, cursor) > 0)
            .Take(limit + 1)
            .Select(ballot => new BallotView(ballot.MemberId, ballot.Choice.ToContract(), ballot.CastAt))
            .ToList();
        var hasMore = page.Count > limit;
        if (hasMore)
        {
            page.RemoveAt(limit);
        }

        return new Page<BallotView>(page, hasMore ? page[^1].MemberId : null);
    }

    public async Task<VoteTraceView> Trace(string memberId)
    {
        await WhenDurable();
        _state.RequireExists();
        if (_state.Status == DomainStatus.Discussion)
        {
            throw Domain.Rules.RuleViolationException.Conflict("voting-not-open", "Voting has not opened yet, so no one is eligible.");
        }

        await RefreshSnapshotAsync();
        var index = _copy.Roster!.IndexOfEligible(memberId);
        if (index < 0)
        {
            // Someone who joined after opening (or left before it) is known but not eligible; someone who never joined is not found.
            return _copy.Roster.MemberIds.Contains(memberId, StringComparer.Ordinal)
                ? new VoteTraceView(memberId, false, null, null, [], LostReason.NotEligible)
                : throw Domain.Rules.RuleViolationException.NotFound("member-not-found", $"'{memberId}' is not a member of this cooperative.");
        }

        var trace = LiquidResolver.Trace(BuildNetwork(), index);
        var chain = trace.Hops
            .Select(hop => new TraceHopView(IdAt(hop.From), IdAt(hop.To, hop.From), hop.Scope.ToContract()))
            .ToList();
        return new VoteTraceView(
            memberId,
            trace.Counted,
            trace.Carrier is { } carrier ? IdAt(carrier) : null,
            trace.Choice?.ToContract(),
            chain,
            trace.Loss?.ToContract());
    }

    public async Task<TallyView> GetTally()
    {
        await WhenDurable();
        _state.RequireExists();
        if (_state.Status == DomainStatus.Voting)
        {
            await RefreshSnapshotAsync();
        }

        // Voting never reopens, so after the refresh the status is voting with a snapshot, or closed.
        GovernanceMetrics.TallyComputed(MetricDecision);
        return _state.Status switch
        {
            DomainStatus.Discussion => ToTallyView(TallyCounts.Empty, null),
            DomainStatus.Voting => ToTallyView(LiquidResolver.Tally(BuildNetwork()), null),
            _ => ToTallyView(_state.Closing!.Counts, _state.Closing.Outcome),
        };
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        _deadline.Handles(reminderName) ? OnDeadlineAsync() : Task.CompletedTask;

    protected override void Apply(ProposalEvent @event) => _state.Apply(@event);

    protected override byte[]? WriteSnapshot() =>
        _state.Exists ? EventSerializer.Serialize(_state.ToSnapshot()) : null;

    protected override void RestoreSnapshot(byte[] snapshot) =>
        _state = Proposal.FromSnapshot(EventSerializer.Deserialize<ProposalSnapshot>(snapshot));

    private async Task CloseAsync(CloseReason reason, string? by)
    {
        _state.DecideClose(TallyCounts.Empty, reason, Now);
        await RefreshSnapshotAsync();
        if (by is not null)
        {
            // The point of no return for an admin's close: their role is checked last.
            await Cooperative.RequireAdmin(by);
        }

        var layers = new ClosingLayers(_copy.Snapshot!.DefaultLayer, _copy.Snapshot.TopicLayer);
        await Commit(_state.DecideClose(LiquidResolver.Tally(BuildNetwork()), reason, Now, layers, by));
        await NotifyCooperativeAsync();
        await UnregisterDeadlineAsync();
    }

    private async Task CloseAtDeadlineAsync()
    {
        try
        {
            await CloseAsync(CloseReason.Deadline, by: null);
            _logger.ClosedAtDeadline(Key);
        }
        catch (Domain.Rules.RuleViolationException)
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
            _logger.ReminderRemovalFailed(exception, Key);
        }
    }

    /// <summary>The cooperative's index lists proposals by status; if it cannot be told now, the proposal itself stays correct.</summary>
    private async Task NotifyCooperativeAsync()
    {
        try
        {
            await Cooperative.ProposalStatusChanged(ProposalId, _state.Status.ToContract());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.StatusIndexFailed(exception, Key);
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

    /// <summary>While voting, the cooperative's current layers; once closed, the layers the tally was frozen under.</summary>
    private DelegationNetwork BuildNetwork()
    {
        var layers = _state.Closing?.Layers ?? new ClosingLayers(_copy.Snapshot!.DefaultLayer, _copy.Snapshot.TopicLayer);
        return _copy.Roster!.BuildNetwork(
            layers.DefaultLayer,
            layers.TopicLayer,
            _state.Delegations,
            _state.Ballots.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Choice)));
    }

    private bool IsEligible(string memberId) => _copy.Roster?.IsEligible(memberId) == true;

    /// <summary>A hop can lead past the roster this proposal holds only through its own delegation to a newer member.</summary>
    private string IdAt(int index, int from = -1) =>
        _copy.Roster!.MemberIdAt(index)
        ?? (from >= 0 && _state.Delegations.GetValueOrDefault(_copy.Roster.MemberIds[from]) is { } delegateId ? delegateId : "unknown");

    private TallyView ToTallyView(TallyCounts counts, Outcome? outcome) =>
        new(
            _state.Status.ToContract(),
            counts.Eligible,
            counts.Participation,
            new TallyCountsView(counts.Yes, counts.No, counts.Abstain),
            _state.Status != DomainStatus.Discussion && _state.Rule.QuorumReached(counts),
            outcome?.ToContract());

    /// <summary>Null-safe, since the draft is not validated yet: anything else goes on to be refused as a conflict.</summary>
    private bool SameDraft(ProposalDraft draft) =>
        draft.CooperativeId == _state.CooperativeId && draft.Title?.Trim() == _state.Title && draft.Body == _state.Body
        && draft.Topic == _state.Topic && draft.ClosesAt == _state.ClosesAt
        && draft.Quorum == _state.Rule.Quorum && draft.Threshold == _state.Rule.Threshold && draft.CreatedBy == _state.CreatedBy;

    private ProposalView View()
    {
        _state.RequireExists();
        return new ProposalView(
            ProposalId,
            _state.CooperativeId,
            _state.Title,
            _state.Body,
            _state.Topic,
            _state.Status.ToContract(),
            _state.CreatedAt,
            _state.OpenedAt,
            _state.ClosesAt,
            _state.Closing?.At,
            _state.Rule.Quorum,
            _state.Rule.Threshold,
            _state.Closing?.Outcome.ToContract(),
            _state.CreatedBy,
            _state.Opened?.By,
            _state.Closing?.By);
    }
}
