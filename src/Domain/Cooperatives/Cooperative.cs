using Governance.Domain.Decisions;
using Governance.Domain.Identifiers;
using Governance.Domain.Rules;
using Governance.Domain.Security;
using Governance.Domain.Voting;

namespace Governance.Domain.Cooperatives;

/// <summary>
/// A cooperative's state as the fold of its log, and the rules that turn commands into new events.
/// Decide methods validate against the current state and return the event to append, or null when the
/// command changes nothing (idempotent repeats). They never mutate; <see cref="Apply"/> does.
/// </summary>
public sealed class Cooperative
{
    private readonly List<string> _topics = [];
    private readonly HashSet<string> _topicSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _currentIndexById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DelegationLayer> _topicDelegations = new(StringComparer.Ordinal);
    private Roster _roster = new();
    private DelegationLayer _defaultDelegations = new();
    private readonly DecisionList<ProposalSummary> _proposals = new();
    private readonly List<AppKey> _appKeys = [];
    private readonly Dictionary<string, int> _appKeyIndexById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _pastIndicesById = new(StringComparer.Ordinal);
    private readonly DelegationJournal _journal = new();

    /// <summary>Configuration, not state: the limits this deployment enforces on new commands.</summary>
    public GovernanceLimits Limits { get; init; } = GovernanceLimits.Default;

    public bool Exists { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DecisionRule Rule { get; private set; } = DecisionRule.Default;

    public CooperativeSettings Settings { get; private set; } = CooperativeSettings.Default;

    /// <summary>The log position of the last applied event.</summary>
    public long Version { get; private set; }

    /// <summary>The log position of the last change to any delegation or to the roster; snapshots are cached by it.</summary>
    public long DelegationVersion { get; private set; }

    public IReadOnlyList<string> Topics => _topics;

    public IReadOnlyList<RosterEntry> Roster => _roster;

    public int MemberCount => _currentIndexById.Count;

    public IReadOnlyList<ProposalSummary> Proposals => _proposals.Items;

    /// <summary>Every key ever issued, revoked ones included, in the order they were issued.</summary>
    public IReadOnlyList<AppKey> AppKeys => _appKeys;

    public bool HasTopic(string topic) => _topicSet.Contains(topic);

    public bool IsMember(string memberId) => _currentIndexById.ContainsKey(memberId);

    /// <summary>A current member's roster entry; an unknown member is not found.</summary>
    public RosterEntry GetMember(string memberId) => _roster[RequireMember(memberId)];

    /// <summary>The person's role here, or null when they are not a current member.</summary>
    public MemberRole? RoleOf(string personId) =>
        _currentIndexById.TryGetValue(personId, out var index) ? _roster.RoleAt(index) : null;

    /// <summary>An active (issued, not revoked) key, or null.</summary>
    public AppKey? FindActiveAppKey(string keyId) =>
        _appKeyIndexById.TryGetValue(keyId, out var index) && _appKeys[index].IsActive ? _appKeys[index] : null;

    public ProposalSummary? FindProposal(string proposalId) => _proposals.Find(proposalId);

    /// <summary>A page of proposals with the wanted status, and where the next page starts.</summary>
    public (IReadOnlyList<ProposalSummary> Page, int Next) ReadProposals(DecisionStatus? wanted, int position, int limit) =>
        _proposals.Read(wanted, position, limit);

    public CooperativeEvent DecideCreate(
        string name, IReadOnlyList<string>? topics, double? quorum, double? threshold, string founderId, DateTimeOffset now)
    {
        if (Exists)
        {
            throw RuleViolationException.Conflict("cooperative-exists", "A cooperative with this id already exists.");
        }

        ResourceId.Require(founderId, "founderId", Limits.MaxIdLength);
        var validName = RequireName(name, "name");
        var rule = DecisionRule.Create(quorum ?? DecisionRule.Default.Quorum, threshold ?? DecisionRule.Default.Threshold);
        var validTopics = new List<string>();
        foreach (var topic in topics ?? [])
        {
            ResourceId.Require(topic, "topics", Limits.MaxIdLength);
            if (!validTopics.Contains(topic, StringComparer.Ordinal))
            {
                validTopics.Add(topic);
            }
        }

        if (validTopics.Count > Limits.MaxTopicsPerCooperative)
        {
            throw RuleViolationException.Invalid(
                "too-many-topics", $"A cooperative has at most {Limits.MaxTopicsPerCooperative} topics.", "topics");
        }

        return new CooperativeCreated(now, validName, validTopics, rule.Quorum, rule.Threshold, founderId);
    }

    public CooperativeEvent? DecideAddTopic(string topic, string by, DateTimeOffset now)
    {
        RequireAdmin(by);
        ResourceId.Require(topic, "topic", Limits.MaxIdLength);
        if (HasTopic(topic))
        {
            return null;
        }

        return _topics.Count >= Limits.MaxTopicsPerCooperative
            ? throw RuleViolationException.Conflict("too-many-topics", $"A cooperative has at most {Limits.MaxTopicsPerCooperative} topics.")
            : new TopicAdded(now, topic, by);
    }

    public CooperativeEvent DecideAddMember(string memberId, string? name, string by, DateTimeOffset now)
    {
        RequireAdmin(by);
        ResourceId.Require(memberId, "id", Limits.MaxIdLength);
        var validName = name is null ? null : RequireName(name, "name");
        if (IsMember(memberId))
        {
            throw RuleViolationException.Conflict("member-exists", $"'{memberId}' is already a member.");
        }

        return new MemberJoined(now, memberId, validName, by);
    }

    /// <summary>A member may leave; an admin may remove anyone.</summary>
    public CooperativeEvent DecideRemoveMember(string memberId, string by, DateTimeOffset now)
    {
        if (by != memberId)
        {
            RequireAdmin(by);
        }

        RequireNotLastAdmin(RequireMember(memberId), "The last admin cannot be removed; make another member admin first.");
        return new MemberRemoved(now, memberId, by);
    }

    public CooperativeEvent? DecideSetRole(string memberId, MemberRole role, string by, DateTimeOffset now)
    {
        RequireAdmin(by);
        var member = RequireMember(memberId);
        if (!Enum.IsDefined(role))
        {
            throw RuleViolationException.Invalid("invalid-role", "'role' must be admin or member.", "role");
        }

        if (_roster.RoleAt(member) == role)
        {
            return null;
        }

        if (role != MemberRole.Admin)
        {
            RequireNotLastAdmin(member, "The last admin cannot be demoted; make another member admin first.");
        }

        return new RoleChanged(now, memberId, role, by);
    }

    public CooperativeEvent? DecideChangeSettings(CooperativeSettings settings, string by, DateTimeOffset now)
    {
        RequireAdmin(by);
        return settings == Settings ? null : new SettingsChanged(now, settings.MembersMayCreateProposals, by);
    }

    /// <summary>A new key for an app. The caller generates the id and secret; only the secret's hash enters the log.</summary>
    public CooperativeEvent DecideIssueAppKey(
        string keyId, string name, IReadOnlyList<string>? scopes, string secretHash, string by, DateTimeOffset now)
    {
        RequireAdmin(by);
        var validName = RequireName(name, "name");
        if (scopes is null || scopes.Count == 0 || scopes.Any(scope => !AppKeyScopes.All.Contains(scope, StringComparer.Ordinal)))
        {
            throw RuleViolationException.Invalid(
                "invalid-scopes", $"'scopes' must list one or more of: {string.Join(", ", AppKeyScopes.All)}.", "scopes");
        }

        if (_appKeyIndexById.ContainsKey(keyId))
        {
            throw RuleViolationException.Conflict("app-key-exists", $"A key with id '{keyId}' already exists.");
        }

        if (_appKeys.Count(key => key.IsActive) >= Limits.MaxActiveAppKeysPerCooperative)
        {
            throw RuleViolationException.Conflict(
                "too-many-app-keys", $"A cooperative has at most {Limits.MaxActiveAppKeysPerCooperative} active app keys; revoke one first.");
        }

        return new AppKeyIssued(now, keyId, validName, [.. scopes.Distinct(StringComparer.Ordinal)], secretHash, by);
    }

    /// <summary>Revoking is idempotent: a key that is already revoked stays as it was.</summary>
    public CooperativeEvent? DecideRevokeAppKey(string keyId, string by, DateTimeOffset now)
    {
        RequireAdmin(by);
        return !_appKeyIndexById.TryGetValue(keyId, out var index)
            ? throw RuleViolationException.NotFound("app-key-not-found", $"The cooperative has no app key '{keyId}'.")
            : _appKeys[index].IsActive ? new AppKeyRevoked(now, keyId, by) : null;
    }

    /// <summary>Sets a delegation at the default scope (topic null) or a topic scope; a null delegate blocks broader scopes.</summary>
    public CooperativeEvent? DecideSetDelegation(string memberId, string? topic, string? delegateId, DateTimeOffset now)
    {
        var member = RequireMember(memberId);
        RequireTopicIfGiven(topic);
        var target = DelegationEntry.Blocked;
        if (delegateId is not null)
        {
            target = RequireDelegate(memberId, delegateId);
        }

        return (LayerFor(topic)?.Get(member) ?? DelegationEntry.None) == target
            ? null
            : new DelegationSet(now, memberId, topic, delegateId);
    }

    public CooperativeEvent? DecideClearDelegation(string memberId, string? topic, DateTimeOffset now)
    {
        var member = RequireMember(memberId);
        RequireTopicIfGiven(topic);
        return LayerFor(topic)?.Has(member) == true ? new DelegationCleared(now, memberId, topic) : null;
    }

    public CooperativeEvent DecideRegisterProposal(string proposalId, string title, string? topic, DateTimeOffset now)
    {
        RequireExists();
        RequireTopicIfGiven(topic);
        if (_proposals.Contains(proposalId))
        {
            throw RuleViolationException.Conflict("proposal-exists", $"A proposal with id '{proposalId}' already exists.");
        }

        return new ProposalRegistered(now, proposalId, title, topic);
    }

    /// <summary>See <see cref="DecisionList{TSummary}.Advances"/>: a status that would not move forward changes nothing.</summary>
    public CooperativeEvent? DecideProposalStatus(string proposalId, DecisionStatus status, DateTimeOffset now) =>
        _proposals.Advances(proposalId, status) ? new ProposalStatusChanged(now, proposalId, status) : null;

    /// <summary>Refuses a new proposal or poll unless its creator may create one now and its topic, when given, exists.</summary>
    public void ValidateDecisionCreation(string createdBy, string? topic)
    {
        RequireProposer(createdBy);
        RequireTopicIfGiven(topic);
    }

    /// <summary>Rejects a proposal-scope delegation that the cooperative's roster does not allow.</summary>
    public void ValidateDelegation(string memberId, string? delegateId)
    {
        RequireMember(memberId);
        if (delegateId is not null)
        {
            RequireDelegate(memberId, delegateId);
        }
    }

    /// <summary>A member's delegation entries: the default (null when none) and every topic entry.</summary>
    public (DelegationTargetView? Default, IReadOnlyDictionary<string, DelegationTargetView> Topics) DelegationsOf(string memberId)
    {
        var member = RequireMember(memberId);
        var topics = new SortedDictionary<string, DelegationTargetView>(StringComparer.Ordinal);
        foreach (var (topic, layer) in _topicDelegations)
        {
            if (layer.Has(member))
            {
                topics[topic] = ToView(layer.Get(member));
            }
        }

        var atDefault = _defaultDelegations.Has(member) ? ToView(_defaultDelegations.Get(member)) : null;
        return (atDefault, topics);
    }

    /// <summary>Every roster index's entry at the default scope.</summary>
    public int[] DefaultLayer() => _defaultDelegations.ToLayer(_roster.Count);

    /// <summary>Every roster index's entry at a topic's scope.</summary>
    public int[] TopicLayer(string topic) =>
        _topicDelegations.TryGetValue(topic, out var layer) ? layer.ToLayer(_roster.Count) : DelegationEntry.EmptyLayer(_roster.Count);

    /// <summary>
    /// What a decision whose roster is fixed at <paramref name="rosterVersion"/> counts over, by index: who was a member
    /// then, every such index's entry for the topic, and the memberships that have ended since. O(members); a decision
    /// asks once, then follows <see cref="LayerChangesSince"/>.
    /// </summary>
    public DecisionLayerBase LayerBaseAt(string? topic, long rosterVersion)
    {
        var size = RosterSizeAt(rosterVersion);
        var eligible = new bool[size];
        var entries = new int[size];
        var atTopic = topic is null ? null : new bool[size];
        var departed = new List<DepartedMembership>();
        var topicLayer = TopicLayerOf(topic);
        for (var index = 0; index < size; index++)
        {
            eligible[index] = _roster.WasMemberAt(index, rosterVersion);
            (entries[index], var fromTopic) = CombinedEntry(topicLayer, index);
            atTopic?[index] = fromTopic;
            if (!_roster.IsCurrent(index))
            {
                departed.Add(new DepartedMembership(index, _roster.MemberIdAt(index)));
            }
        }

        return new DecisionLayerBase(DelegationVersion, eligible, entries, atTopic, departed);
    }

    /// <summary>
    /// The entries for the topic that changed after <paramref name="knownVersion"/>, of the indices a decision fixed at
    /// <paramref name="rosterVersion"/> holds, and the memberships ended since: O(changes). Null when the journal does
    /// not reach back that far, and the decision needs a new base.
    /// </summary>
    public DecisionLayerChanges? LayerChangesSince(string? topic, long rosterVersion, long knownVersion)
    {
        if (!_journal.TryChangesSince(knownVersion, out var changes))
        {
            return null;
        }

        var size = RosterSizeAt(rosterVersion);
        var topicLayer = TopicLayerOf(topic);
        var members = new List<int>();
        var seen = new HashSet<int>();
        var departed = new List<DepartedMembership>();
        foreach (var change in changes)
        {
            if (change.Kind == DelegationChangeKind.MembershipEnded)
            {
                departed.Add(new DepartedMembership(change.Member, _roster.MemberIdAt(change.Member)));
            }
            else if (change.Member < size && (change.Topic is null || change.Topic == topic) && seen.Add(change.Member))
            {
                members.Add(change.Member);
            }
        }

        var entries = new int[members.Count];
        var atTopic = topic is null ? null : new bool[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            (entries[i], var fromTopic) = CombinedEntry(topicLayer, members[i]);
            atTopic?[i] = fromTopic;
        }

        return new DecisionLayerChanges(DelegationVersion, [.. members], entries, atTopic, departed);
    }

    /// <summary>For each id, the membership a decision fixed at <paramref name="rosterVersion"/> means by it (see <see cref="EligibleRoster.MembershipOf"/>), or -1.</summary>
    public int[] MembershipsAt(IReadOnlyList<string> memberIds, long rosterVersion)
    {
        var indices = new int[memberIds.Count];
        for (var i = 0; i < indices.Length; i++)
        {
            indices[i] = MembershipAt(memberIds[i], rosterVersion);
        }

        return indices;
    }

    /// <summary>The ids at roster indices; an index outside the roster gives null.</summary>
    public string?[] MemberIdsAt(IReadOnlyList<int> indices) =>
        [.. indices.Select(index => index >= 0 && index < _roster.Count ? _roster.MemberIdAt(index) : null)];

    /// <summary>Who was a member at a past version of the log: the roster fixed when voting opens.</summary>
    public EligibleRoster RosterAt(long version)
    {
        var ids = new string[_roster.Count];
        var eligible = new bool[_roster.Count];
        for (var index = 0; index < _roster.Count; index++)
        {
            ids[index] = _roster.MemberIdAt(index);
            eligible[index] = _roster.WasMemberAt(index, version);
        }

        return new EligibleRoster(ids, eligible);
    }

    /// <summary>Whether each roster index's membership still holds; decisions end the part of those whose membership ended.</summary>
    public bool[] CurrentMemberships()
    {
        var current = new bool[_roster.Count];
        for (var index = 0; index < _roster.Count; index++)
        {
            current[index] = _roster.IsCurrent(index);
        }

        return current;
    }

    /// <summary>The state in the shape of the first snapshot format, records and maps; see <see cref="ToColumns"/>.</summary>
    public CooperativeSnapshot ToSnapshot() =>
        new(Version, DelegationVersion, Name, CreatedAt, Rule, Settings, [.. _topics], [.. _roster],
            new Dictionary<int, int>(_defaultDelegations.Entries()),
            _topicDelegations.ToDictionary(pair => pair.Key, pair => new Dictionary<int, int>(pair.Value.Entries()), StringComparer.Ordinal),
            [.. _proposals.Items],
            [.. _appKeys]);

    /// <summary>The state as columns and dense layers, copied, so that it stays as it is while this cooperative moves on.</summary>
    public CooperativeColumns ToColumns() =>
        new(Version, DelegationVersion, Name, CreatedAt, Rule, Settings, [.. _topics], _roster.ToColumns(),
            _defaultDelegations.ToLayer(_roster.Count),
            _topicDelegations.ToDictionary(pair => pair.Key, pair => pair.Value.ToLayer(_roster.Count), StringComparer.Ordinal),
            [.. _proposals.Items],
            [.. _appKeys]);

    public static Cooperative FromSnapshot(CooperativeSnapshot snapshot, GovernanceLimits limits)
    {
        var roster = new Roster();
        foreach (var entry in snapshot.Roster)
        {
            roster.Add(entry.MemberId, entry.Name, entry.JoinedAt, entry.JoinedVersion, entry.Role);
            if (entry.RemovedVersion is { } removed)
            {
                roster.Remove(roster.Count - 1, removed);
            }
        }

        return FromColumns(
            new CooperativeColumns(
                snapshot.Version, snapshot.DelegationVersion, snapshot.Name, snapshot.CreatedAt, snapshot.Rule, snapshot.Settings,
                snapshot.Topics, roster.ToColumns(), ToLayer(snapshot.DefaultDelegations, roster.Count),
                snapshot.TopicDelegations.ToDictionary(pair => pair.Key, pair => ToLayer(pair.Value, roster.Count), StringComparer.Ordinal),
                snapshot.Proposals, snapshot.AppKeys),
            limits);
    }

    /// <summary>
    /// A cooperative holding <paramref name="columns"/>' arrays as they are, not copies: the caller hands them over.
    /// Columns that do not fit together (lengths, delegates outside the roster) are refused.
    /// </summary>
    public static Cooperative FromColumns(CooperativeColumns columns, GovernanceLimits limits)
    {
        var roster = new Roster(columns.Roster);
        var cooperative = new Cooperative
        {
            Limits = limits,
            Settings = columns.Settings,
            Exists = true,
            Version = columns.Version,
            DelegationVersion = columns.DelegationVersion,
            Name = columns.Name,
            CreatedAt = columns.CreatedAt,
            Rule = columns.Rule,
            _roster = roster,
            _defaultDelegations = new DelegationLayer(RequireLayer(columns.DefaultLayer, roster.Count)),
        };
        foreach (var topic in columns.Topics)
        {
            cooperative.AddTopic(topic);
        }

        cooperative._currentIndexById.EnsureCapacity(roster.Count);
        for (var index = 0; index < roster.Count; index++)
        {
            if (roster.IsCurrent(index))
            {
                cooperative._currentIndexById[roster.MemberIdAt(index)] = index;
            }
            else
            {
                cooperative.AddPastMembership(roster.MemberIdAt(index), index);
            }
        }

        foreach (var (topic, layer) in columns.TopicLayers)
        {
            cooperative._topicDelegations[topic] = new DelegationLayer(RequireLayer(layer, roster.Count));
        }

        foreach (var summary in columns.Proposals)
        {
            cooperative._proposals.Add(summary);
        }

        foreach (var key in columns.AppKeys)
        {
            cooperative.AddAppKey(key);
        }

        cooperative._journal.StartAt(columns.Version);
        return cooperative;
    }

    public void Apply(CooperativeEvent @event)
    {
        Version++;
        switch (@event)
        {
            case CooperativeCreated created:
                Exists = true;
                Name = created.Name;
                CreatedAt = created.At;
                Rule = new DecisionRule(created.Quorum, created.Threshold);
                foreach (var topic in created.Topics)
                {
                    AddTopic(topic);
                }

                Join(created.FounderId, null, created.At, MemberRole.Admin);
                break;
            case TopicAdded added:
                AddTopic(added.Topic);
                break;
            case MemberJoined joined:
                Join(joined.MemberId, joined.Name, joined.At, MemberRole.Member);
                break;
            case MemberRemoved removed:
                RemoveMember(removed.MemberId);
                break;
            case RoleChanged changed:
                _roster.SetRole(_currentIndexById[changed.MemberId], changed.Role);
                break;
            case SettingsChanged changed:
                Settings = new CooperativeSettings(changed.MembersMayCreateProposals);
                break;
            case AppKeyIssued issued:
                AddAppKey(new AppKey(issued.KeyId, issued.Name, issued.Scopes, issued.SecretHash, issued.At, issued.By));
                break;
            case AppKeyRevoked revoked:
                var key = _appKeyIndexById[revoked.KeyId];
                _appKeys[key] = _appKeys[key] with { RevokedAt = revoked.At };
                break;
            case DelegationSet set:
                var delegator = _currentIndexById[set.MemberId];
                LayerFor(set.Topic, create: true)!.Set(delegator, set.DelegateId is null ? DelegationEntry.Blocked : _currentIndexById[set.DelegateId]);
                _journal.Record(Version, delegator, DelegationChangeKind.Entry, set.Topic);
                DelegationVersion = Version;
                break;
            case DelegationCleared cleared:
                var clearing = _currentIndexById[cleared.MemberId];
                LayerFor(cleared.Topic)?.Clear(clearing);
                _journal.Record(Version, clearing, DelegationChangeKind.Entry, cleared.Topic);
                DelegationVersion = Version;
                break;
            case ProposalRegistered registered:
                _proposals.Add(new ProposalSummary(registered.ProposalId, registered.Title, registered.Topic, DecisionStatus.Discussion, registered.At));
                break;
            case ProposalStatusChanged statusChanged:
                _proposals.SetStatus(statusChanged.ProposalId, statusChanged.Status);
                break;
            default:
                throw new InvalidOperationException($"Unknown cooperative event {@event.GetType().Name}.");
        }
    }

    private void Join(string memberId, string? name, DateTimeOffset at, MemberRole role)
    {
        _currentIndexById[memberId] = _roster.Count;
        _roster.Add(memberId, name, at, Version, role);
        DelegationVersion = Version;
    }

    private void AddAppKey(AppKey key)
    {
        _appKeyIndexById[key.KeyId] = _appKeys.Count;
        _appKeys.Add(key);
    }

    private void AddTopic(string topic)
    {
        if (_topicSet.Add(topic))
        {
            _topics.Add(topic);
        }
    }

    /// <summary>
    /// A membership ends with every delegation from or to the member, so that a delegation never points at someone
    /// who left (nor silently revives if they rejoin); those who had delegated to them fall back to their broader scopes.
    /// </summary>
    private void RemoveMember(string memberId)
    {
        var index = _currentIndexById[memberId];
        _currentIndexById.Remove(memberId);
        AddPastMembership(memberId, index);
        _roster.Remove(index, Version);
        _journal.Record(Version, index, DelegationChangeKind.MembershipEnded);
        RecordEnded(_defaultDelegations.RemoveDelegationsOf(index), null);
        foreach (var (topic, layer) in _topicDelegations)
        {
            RecordEnded(layer.RemoveDelegationsOf(index), topic);
        }

        DelegationVersion = Version;
    }

    /// <summary>Indices are given in join order, so the members who had joined by a version are a prefix of the roster.</summary>
    private int RosterSizeAt(long version)
    {
        int low = 0, high = _roster.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_roster.JoinedVersionAt(middle) <= version)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The membership an id means at a version: the one that held then, else the latest; -1 for an id never on the roster.</summary>
    private int MembershipAt(string memberId, long version)
    {
        var latest = _currentIndexById.GetValueOrDefault(memberId, -1);
        if (latest >= 0 && _roster.WasMemberAt(latest, version))
        {
            return latest;
        }

        var held = -1;
        foreach (var past in _pastIndicesById.GetValueOrDefault(memberId) ?? [])
        {
            latest = Math.Max(latest, past);
            if (_roster.WasMemberAt(past, version))
            {
                held = past;
            }
        }

        return held >= 0 ? held : latest;
    }

    private void AddPastMembership(string memberId, int index)
    {
        if (!_pastIndicesById.TryGetValue(memberId, out var past))
        {
            _pastIndicesById[memberId] = past = [];
        }

        past.Add(index);
    }

    private void RecordEnded(List<int> members, string? topic)
    {
        foreach (var member in members)
        {
            _journal.Record(Version, member, DelegationChangeKind.Entry, topic);
        }
    }

    private DelegationLayer? TopicLayerOf(string? topic) =>
        topic is not null && _topicDelegations.TryGetValue(topic, out var layer) ? layer : null;

    /// <summary>The topic's entry unless it has none, then the default's; and whether it is the topic's.</summary>
    private (int Entry, bool AtTopic) CombinedEntry(DelegationLayer? topicLayer, int member)
    {
        var atTopic = topicLayer?.Get(member) ?? DelegationEntry.None;
        return (DelegationEntry.Prevailing(atTopic, _defaultDelegations.Get(member)), atTopic != DelegationEntry.None);
    }

    private DelegationLayer? LayerFor(string? topic, bool create = false)
    {
        if (topic is null)
        {
            return _defaultDelegations;
        }

        if (!_topicDelegations.TryGetValue(topic, out var layer) && create)
        {
            layer = new DelegationLayer();
            _topicDelegations[topic] = layer;
        }

        return layer;
    }

    private static int[] ToLayer(IReadOnlyDictionary<int, int> entries, int length)
    {
        var layer = DelegationEntry.EmptyLayer(length);
        foreach (var (member, target) in entries)
        {
            layer[member] = target;
        }

        return layer;
    }

    private static int[] RequireLayer(int[] layer, int rosterCount) =>
        layer.Length > rosterCount || !Array.TrueForAll(layer, target => target is DelegationEntry.None or DelegationEntry.Blocked || (uint)target < (uint)rosterCount)
            ? throw new ArgumentException("A delegation layer reaches past the roster.")
            : layer;

    private DelegationTargetView ToView(int target) =>
        new(target == DelegationEntry.Blocked ? null : _roster.MemberIdAt(target));

    /// <summary>
    /// Refuses unless the person is an admin now. Admin commands check it in the same step that decides their event,
    /// and this aggregate is the single writer of roles, so no command applies after its actor lost the right.
    /// </summary>
    public void RequireAdmin(string personId)
    {
        RequireExists();
        if (RoleOf(personId) != MemberRole.Admin)
        {
            throw RuleViolationException.Forbidden("admin-only", "Only the cooperative's admins may do this.");
        }
    }

    /// <summary>Refuses unless the person may create proposals and polls now: admins, and members when the settings allow.</summary>
    public void RequireProposer(string personId)
    {
        RequireExists();
        var role = RoleOf(personId);
        if (role != MemberRole.Admin && !(role == MemberRole.Member && Settings.MembersMayCreateProposals))
        {
            throw RuleViolationException.Forbidden("admin-only", "In this cooperative only admins create proposals.");
        }
    }

    public void RequireExists()
    {
        if (!Exists)
        {
            throw RuleViolationException.NotFound("cooperative-not-found", "No cooperative has this id.");
        }
    }

    private int RequireMember(string memberId)
    {
        RequireExists();
        return _currentIndexById.TryGetValue(memberId, out var index)
            ? index
            : throw RuleViolationException.NotFound("member-not-found", $"'{memberId}' is not a member of this cooperative.");
    }

    /// <summary>A cooperative always keeps at least one admin, or nobody could manage it again.</summary>
    private void RequireNotLastAdmin(int member, string message)
    {
        if (_roster.RoleAt(member) == MemberRole.Admin
            && !_currentIndexById.Values.Any(other => other != member && _roster.RoleAt(other) == MemberRole.Admin))
        {
            throw RuleViolationException.Conflict("last-admin", message);
        }
    }

    private int RequireDelegate(string memberId, string delegateId)
    {
        if (delegateId == memberId)
        {
            throw RuleViolationException.Invalid("self-delegation", "A member cannot delegate to themselves.", "delegateId");
        }

        return _currentIndexById.TryGetValue(delegateId, out var index)
            ? index
            : throw RuleViolationException.Invalid("delegate-not-member", $"'{delegateId}' is not a member of this cooperative.", "delegateId");
    }

    private void RequireTopicIfGiven(string? topic)
    {
        if (topic is not null && !HasTopic(topic))
        {
            throw RuleViolationException.Invalid("unknown-topic", $"The cooperative has no topic '{topic}'.", "topic");
        }
    }

    private string RequireName(string? name, string field)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > Limits.MaxNameLength
            ? throw RuleViolationException.Invalid("invalid-name", $"'{field}' must be 1-{Limits.MaxNameLength} characters.", field)
            : trimmed;
    }
}
