using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Feed;
using Governance.Contracts.Imports;
using Governance.Contracts.Members;
using Governance.Contracts.Paging;
using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;
using Governance.Contracts.Security;
using Governance.Domain.Cooperatives;
using Governance.Domain.Cooperatives.Imports;
using Governance.Domain.Identifiers;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using Governance.Grains.EventSourcing;
using Governance.Grains.Feed;
using Governance.Grains.Logging;
using Governance.Grains.Mapping;
using Governance.Grains.Paging;
using Governance.Grains.Security;
using Governance.Grains.Storage;
using Governance.Grains.Storage.GrainState;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Core;
using Orleans.Storage;

namespace Governance.Grains.Cooperatives;

[Reentrant]
public sealed class CooperativeGrain : FeedSourceGrain<CooperativeEvent>, ICooperativeGrain, IRemindable, IPersonIndexSource
{
    private readonly TimeProvider _clock;
    private readonly ILogger<CooperativeGrain> _logger;
    private readonly GovernanceLimits _limits;
    private readonly DecisionSnapshotCache _snapshots = new();
    private readonly int _maxEventsBetweenSnapshots;
    private readonly PersonIndexCatchUp _personIndex;
    private Cooperative _state;

    public CooperativeGrain(
        IEventStore store,
        IOptions<EventSourcingOptions> options,
        IOptions<GovernanceLimits> limits,
        TimeProvider clock,
        ILogger<CooperativeGrain> logger)
        : base(store, options.Value, logger)
    {
        var grainStorage = GrainContext.ActivationServices.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Governance);
        var progress = new StateStorageBridge<PersonIndexState>(PersonIndexCatchUp.StateName, GrainContext, grainStorage);
        _personIndex = new PersonIndexCatchUp(this, progress, this, logger);
        _clock = clock;
        _logger = logger;
        _limits = limits.Value;
        _maxEventsBetweenSnapshots = options.Value.MaxEventsBetweenSnapshots;
        _state = new Cooperative { Limits = _limits };
    }

    protected override string StreamId => $"cooperative/{this.GetPrimaryKeyString()}";

    protected override string FeedCooperativeId => Id;

    protected override string FeedSourcePath => $"/v1/cooperatives/{Id}";

    private string Id => this.GetPrimaryKeyString();

    private DateTimeOffset Now => _clock.GetUtcNow();

    string IPersonIndexSource.CooperativeId => Id;

    long IPersonIndexSource.AppliedVersion => _state.Version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _ = _personIndex.StartAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == PersonIndexCatchUp.ReminderName ? _personIndex.OnReminderAsync() : Task.CompletedTask;

    public async Task<CooperativeView> Create(CreateCooperativeCommand command)
    {
        ResourceId.Require(Id, "id", _limits.MaxIdLength);
        await Commit(_state.DecideCreate(command.Name, command.Topics, command.Quorum, command.Threshold, command.FounderId, Now));
        await UpdatePersonAsync(command.FounderId, person => person.StartMembership(Id, null));
        return View();
    }

    public async Task<CooperativeView> Get()
    {
        await WhenDurable();
        _state.RequireExists();
        return View();
    }

    public async Task<CooperativeView> AddTopic(string topic, string by)
    {
        await Commit(_state.DecideAddTopic(topic, by, Now));
        return View();
    }

    public async Task<CooperativeView> ChangeSettings(CooperativeSettingsView settings, string by)
    {
        var change = _state.DecideChangeSettings(new CooperativeSettings(settings.MembersMayCreateProposals), by, Now);
        await Commit(change);
        if (change is not null)
        {
            _logger.AuditSettingsChanged(Id, settings.MembersMayCreateProposals, by);
        }

        return View();
    }

    public async Task<MemberView> AddMember(string memberId, string? name, string by)
    {
        var committed = Commit(_state.DecideAddMember(memberId, name, by, Now));

        // Read now: once the append is awaited, an interleaved removal may already have ended the membership.
        var entry = _state.GetMember(memberId);
        await committed;
        await UpdatePersonAsync(memberId, person => person.StartMembership(Id, name));
        return ToView(entry);
    }

    public async Task<MemberImportBatchResult> ImportMembers(IReadOnlyList<MemberImportLine> lines, string by)
    {
        // Decided in the turn that appends it, after the catch-up has stored where it starts: the people hear of it
        // afterwards, from the log (see PersonIndexCatchUp).
        var decision = await _personIndex.AppendAsync(_state.Version, () =>
        {
            var decided = _state.DecideImportMembers([.. lines.Select(line => new ImportLine(line.Line, line.Id, line.Name))], by, Now);
            return (decided, Commit(decided.Joins));
        });

        return new MemberImportBatchResult(
            decision.Joins.Count,
            decision.Existing.Count,
            [.. decision.Refused.Select(refusal => new MemberImportRefusal(refusal.Line, refusal.Code, refusal.Message))]);
    }

    public async Task<MemberView> GetMember(string memberId)
    {
        await WhenDurable();
        return ToView(_state.GetMember(memberId));
    }

    public async Task<Page<MemberView>> ListMembers(string? cursor, int limit)
    {
        await WhenDurable();
        _state.RequireExists();
        var roster = _state.Roster;
        var position = Cursor.ToPosition(cursor);
        var items = new List<MemberView>(limit);
        for (; position < roster.Count && items.Count < limit; position++)
        {
            if (roster[position].IsCurrent)
            {
                items.Add(ToView(roster[position]));
            }
        }

        return new Page<MemberView>(items, Cursor.FromPosition(position, roster.Count));
    }

    public async Task RemoveMember(string memberId, string by)
    {
        await Commit(_state.DecideRemoveMember(memberId, by, Now));
        _logger.Audit("member-removed", memberId, Id, by);
        await Task.WhenAll(UpdatePersonAsync(memberId, person => person.EndMembership(Id)), TellOpenDecisionsAsync(memberId));
    }

    public async Task<MemberView> SetRole(string memberId, Contracts.Cooperatives.MemberRole role, string by)
    {
        var change = _state.DecideSetRole(memberId, role.ToDomain(), by, Now);
        await Commit(change);
        if (change is not null)
        {
            _logger.AuditRoleChanged(memberId, role, Id, by);
        }

        return ToView(_state.GetMember(memberId));
    }

    public async Task<CooperativeAccess?> GetAccess(string personId)
    {
        await WhenDurable();
        return _state.RoleOf(personId) is { } role
            ? new CooperativeAccess(role.ToContract(), _state.Settings.MembersMayCreateProposals)
            : null;
    }

    public async Task<IssuedAppKey> IssueAppKey(string name, IReadOnlyList<string>? scopes, string by)
    {
        var keyId = AppKeySecrets.NewKeyId();
        var secret = AppKeySecrets.NewSecret();
        await Commit(_state.DecideIssueAppKey(keyId, name, scopes, AppKeySecrets.Hash(secret), by, Now));
        _logger.Audit("app-key-issued", keyId, Id, by);
        return new IssuedAppKey(ToView(_state.AppKeys.Single(key => key.KeyId == keyId)), secret);
    }

    public async Task<IReadOnlyList<AppKeyView>> ListAppKeys()
    {
        await WhenDurable();
        _state.RequireExists();
        return [.. _state.AppKeys.Select(ToView)];
    }

    public async Task RevokeAppKey(string keyId, string by)
    {
        var change = _state.DecideRevokeAppKey(keyId, by, Now);
        await Commit(change);
        if (change is not null)
        {
            _logger.Audit("app-key-revoked", keyId, Id, by);
        }
    }

    public async Task<AppKeyGrant?> AuthenticateAppKey(string keyId, string secret)
    {
        await WhenDurable();
        return _state.FindActiveAppKey(keyId) is { } key && AppKeySecrets.Matches(secret, key.SecretHash)
            ? new AppKeyGrant(key.KeyId, key.Scopes)
            : null;
    }

    public Task SetDelegation(string memberId, string? topic, string? delegateId) =>
        Commit(_state.DecideSetDelegation(memberId, topic, delegateId, Now));

    public Task ClearDelegation(string memberId, string? topic) =>
        Commit(_state.DecideClearDelegation(memberId, topic, Now));

    public async Task<MemberDelegationsView> GetDelegations(string memberId)
    {
        await WhenDurable();
        var (atDefault, topics) = _state.DelegationsOf(memberId);
        return new MemberDelegationsView(
            memberId,
            atDefault is null ? null : new DelegationView(atDefault.DelegateId),
            topics.ToDictionary(pair => pair.Key, pair => new DelegationView(pair.Value.DelegateId), StringComparer.Ordinal));
    }

    public async Task ValidateDelegation(string memberId, string? delegateId)
    {
        await WhenDurable();
        _state.ValidateDelegation(memberId, delegateId);
    }

    public async Task<DecisionView> CreateProposal(CreateDecisionCommand command)
    {
        await WhenDurable();
        var proposalId = ResourceId.Require(command.Id, "id", _limits.MaxIdLength);

        // Checked in the same step that asks the proposal grain to create it, so no creation starts after the right was lost.
        _state.RequireProposer(command.CreatedBy);
        _state.DecideRegisterProposal(proposalId, command.Title, command.Topic, Now);
        var rule = DecisionRule.Create(command.Quorum ?? _state.Rule.Quorum, command.Threshold ?? _state.Rule.Threshold);
        var draft = new DecisionDraft(Id, command with { Method = DecisionMethod.Majority, Quorum = rule.Quorum, Threshold = rule.Threshold });
        var proposal = await GrainFactory.GetGrain<IDecisionGrain>(DecisionKey.Proposal(Id, proposalId)).Create(draft);

        // Registered only once the proposal exists, so the index never lists a proposal that failed to be created.
        await Commit(_state.DecideRegisterProposal(proposalId, proposal.Title, proposal.Topic, proposal.CreatedAt));
        return proposal;
    }

    public async Task<Page<ProposalSummaryView>> ListProposals(Contracts.Proposals.ProposalStatus? status, string? cursor, int limit)
    {
        await WhenDurable();
        _state.RequireExists();
        var (page, next) = _state.ReadProposals(status?.ToDomain(), Cursor.ToPosition(cursor), limit);
        return new Page<ProposalSummaryView>(
            [.. page.Select(summary => new ProposalSummaryView(summary.ProposalId, summary.Title, summary.Topic, summary.Status.ToContract().ToProposalStatus(), summary.CreatedAt))],
            Cursor.FromPosition(next, _state.Proposals.Count));
    }

    public Task ProposalStatusChanged(string proposalId, DecisionStatus status) =>
        Commit(_state.DecideProposalStatus(proposalId, status.ToDomain(), Now));

    public async Task<long> AuthorizeOpening(string by)
    {
        await WhenNothingPending();
        _state.RequireAdmin(by);
        return _state.Version;
    }

    public async Task RequireAdmin(string personId)
    {
        await WhenNothingPending();
        _state.RequireAdmin(personId);
    }

    public async Task AuthorizeDecisionCreation(string createdBy, string? topic)
    {
        await WhenNothingPending();
        _state.ValidateDecisionCreation(createdBy, topic);
    }

    public async Task<DecisionSnapshot?> GetDecisionSnapshot(string? topic, long rosterVersion, long knownVersion)
    {
        await WhenNothingPending();
        _state.RequireExists();
        return knownVersion == _state.DelegationVersion ? null : _snapshots.Get(_state, topic, rosterVersion);
    }

    public async Task<DecisionLayersView> GetDecisionLayers(string? topic, long rosterVersion)
    {
        await WhenNothingPending();
        _state.RequireExists();
        return _state.LayerBaseAt(topic, rosterVersion).ToView();
    }

    public async Task<LayerChangesView?> GetLayerChanges(string? topic, long rosterVersion, long knownVersion)
    {
        await WhenNothingPending();
        _state.RequireExists();
        if (knownVersion >= _state.DelegationVersion)
        {
            return null;
        }

        return _state.LayerChangesSince(topic, rosterVersion, knownVersion)?.ToView()
            ?? new LayerChangesView(_state.DelegationVersion, [], [], null, [], Rebase: true);
    }

    public async Task<int[]> GetMemberships(string[] memberIds, long rosterVersion)
    {
        await WhenDurable();
        _state.RequireExists();
        return _state.MembershipsAt(memberIds, rosterVersion);
    }

    public async Task<string?[]> GetMemberIds(int[] indices)
    {
        await WhenDurable();
        _state.RequireExists();
        return _state.MemberIdsAt(indices);
    }

    protected override void Apply(CooperativeEvent @event) => _state.Apply(@event);

    bool IPersonIndexSource.IsMember(string memberId) => _state.IsMember(memberId);

    IAsyncEnumerable<(long Version, CooperativeEvent Event)> IPersonIndexSource.ReadDurableLog(long afterVersion) => ReadLogAsync(afterVersion);

    Task IPersonIndexSource.WhenDurable() => WhenDurable();

    Task IPersonIndexSource.StartMembership(string memberId, string? name) =>
        GrainFactory.GetGrain<IMemberGrain>(memberId).StartImportedMembership(Id, name);

    protected override FeedItem? ToFeedItem(long version, CooperativeEvent @event) => CooperativeFeedItems.ToFeedItem(version, @event);

    /// <summary>
    /// A snapshot holds the whole roster, so it waits for as many events as there are members, which keeps its cost
    /// O(1) per event; but only up to MaxEventsBetweenSnapshots, or a million members would leave up to a million
    /// events to replay at activation, about 10 µs each. At a million members and the default of 50,000, the binary
    /// snapshot (67 MB) took 0.65 s to encode and 1.3 s to save to SQLite on a busy two-core machine: some 40 µs per
    /// event, and a stall of the appends behind it every 50,000 events, against a replay bounded near half a second.
    /// </summary>
    protected override bool SnapshotDue(long eventsSinceSnapshot, int snapshotEvery) =>
        eventsSinceSnapshot >= Math.Max(snapshotEvery, Math.Min(_state.Roster.Count, _maxEventsBetweenSnapshots));

    protected override bool SnapshotsWhenQuiet => true;

    protected override byte[] WriteSnapshot() => CooperativeSnapshotFormat.Write(_state.ToColumns());

    protected override void RestoreSnapshot(byte[] snapshot) => _state = CooperativeSnapshotFormat.Read(snapshot, _limits);

    private CooperativeView View() =>
        new(Id, _state.Name, [.. _state.Topics], _state.Rule.Quorum, _state.Rule.Threshold, _state.MemberCount, _state.CreatedAt,
            new CooperativeSettingsView(_state.Settings.MembersMayCreateProposals));

    private static MemberView ToView(RosterEntry entry) => new(entry.MemberId, entry.Name, entry.JoinedAt, entry.Role.ToContract());

    private static AppKeyView ToView(Domain.Security.AppKey key) =>
        new(key.KeyId, key.Name, key.Scopes, key.IssuedAt, key.IssuedBy, key.RevokedAt);

    /// <summary>
    /// Open proposals and polls end the part of a member who left. They also find out for themselves when they next
    /// read the roster, so a notice that fails is logged, not returned.
    /// </summary>
    private Task TellOpenDecisionsAsync(string memberId)
    {
        var notices = _state.Proposals
            .Where(summary => summary.Status != Domain.Decisions.DecisionStatus.Closed)
            .Select(summary => NoticeAsync(
                $"proposal {summary.ProposalId}",
                () => GrainFactory.GetGrain<IDecisionGrain>(DecisionKey.Proposal(Id, summary.ProposalId)).MemberLeft(memberId)))
            .Append(NoticeAsync("the priority polls", () => GrainFactory.GetGrain<IPriorityIndexGrain>(Id).MemberLeft(memberId)));
        return Task.WhenAll(notices);

        async Task NoticeAsync(string decision, Func<Task> notify)
        {
            try
            {
                await notify();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _logger.DepartureNoticeFailed(exception, decision, memberId, Id);
            }
        }
    }

    /// <summary>The person's list of memberships is a secondary index: the roster here is the truth, so a failed update is logged, not returned.</summary>
    private async Task UpdatePersonAsync(string memberId, Func<IMemberGrain, Task> update)
    {
        try
        {
            await update(GrainFactory.GetGrain<IMemberGrain>(memberId));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _logger.MembershipIndexFailed(exception, memberId, Id);
        }
    }
}
