using Governance.Domain.Cooperatives;
using Governance.Domain.Identifiers;
using Governance.Domain.Priorities;
using Governance.Domain.Rules;
using Governance.Domain.Voting;

namespace Governance.Domain.Decisions;

/// <summary>
/// A liquid decision as the fold of its log: discussion, then voting with the eligible members fixed at opening,
/// then closed with a frozen result. Members vote directly or through default, topic and decision-scope
/// delegations; every direct ballot weighs the members it carries, and the counting method turns weighted ballots
/// into a result. Decide methods return the event to append, or null when nothing would change.
/// </summary>
public sealed class Decision
{
    private readonly SortedDictionary<string, DecisionBallot> _ballots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _delegations = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _left = new(StringComparer.Ordinal);
    private PriorityPoll? _items;

    public Decision(DecisionKind kind) => Kind = kind;

    /// <summary>What members call this decision; its error codes and messages name it.</summary>
    public DecisionKind Kind { get; }

    /// <summary>Configuration, not state: the limits this deployment enforces on new commands.</summary>
    public GovernanceLimits Limits { get; init; } = GovernanceLimits.Default;

    public bool Exists => Created is not null;

    public DecisionCreated? Created { get; private set; }

    public DecisionStatus Status { get; private set; }

    public VotingOpened? Opened { get; private set; }

    /// <summary>The cooperative's log position whose roster is the eligible set.</summary>
    public long? RosterVersion => Opened?.RosterVersion;

    public VotingClosed? Closing { get; private set; }

    public long Version { get; private set; }

    public CountingMethod Method => RequireCreated().Method;

    public DecisionRule Rule => new(RequireCreated().Quorum, Created!.Threshold);

    public string? Topic => Created?.Topic;

    public DateTimeOffset? ClosesAt => Created?.ClosesAt;

    public IReadOnlyDictionary<string, DecisionBallot> Ballots => _ballots;

    /// <summary>Decision-scope delegations: member to delegate, or to null for an explicit block.</summary>
    public IReadOnlyDictionary<string, string?> Delegations => _delegations;

    /// <summary>Eligible members who left the cooperative while voting was open: they take no further part.</summary>
    public IReadOnlyCollection<string> Left => _left;

    /// <summary>While voting, the count kept live once <see cref="StartLiveCount"/> has given it the cooperative's layers; null otherwise.</summary>
    public LiveCount? Live { get; private set; }

    /// <summary>The ids this decision holds a ballot or a delegation (from or to them) for: those a live count must map.</summary>
    public IEnumerable<string> HeldMemberIds =>
        _ballots.Keys.Concat(_delegations.Keys).Concat(_delegations.Values.OfType<string>()).Distinct(StringComparer.Ordinal);

    /// <summary>Voting is over once the deadline passes, even before the close has been recorded.</summary>
    public bool DeadlinePassed(DateTimeOffset now) => ClosesAt is { } deadline && now >= deadline;

    /// <summary>
    /// Creates the decision. Creating it again with the same definition changes nothing; any other definition for an
    /// id already taken is a conflict, valid or not.
    /// </summary>
    public DecisionEvent? DecideCreate(string cooperativeId, DecisionDefinition definition, string createdBy, DateTimeOffset now)
    {
        if (DecisionKind.Of(definition.Method) != Kind)
        {
            throw RuleViolationException.Invalid(
                "invalid-method", $"A {Kind.Noun} is not counted by {definition.Method.ToString().ToLowerInvariant()}.", "method");
        }

        if (Created is not null)
        {
            return IsRepeat(cooperativeId, definition, createdBy)
                ? null
                : throw RuleViolationException.Conflict($"{Kind.Noun}-exists", $"A {Kind.Noun} with this id already exists.");
        }

        var created = Build(cooperativeId, definition, createdBy, now);
        Deadlines.Validate(definition.ClosesAt, now, Limits, "closesAt", "invalid-closes-at");
        return created;
    }

    public DecisionEvent DecideOpen(long rosterVersion, string by, DateTimeOffset now)
    {
        RequireExists();
        if (Status != DecisionStatus.Discussion)
        {
            throw RuleViolationException.Conflict("not-in-discussion", $"Only a {Kind.Noun} in discussion can open; this one is {StatusName}.");
        }

        if (DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict("deadline-passed", $"The {Kind.Noun}'s deadline has already passed.");
        }

        return new VotingOpened(now, rosterVersion, by);
    }

    /// <summary>A ballot that breaks the method's rules is invalid whatever the state; a valid one needs voting open.</summary>
    public DecisionEvent? DecideCastBallot(string memberId, BallotMarks marks, bool eligible, DateTimeOffset now)
    {
        RequireExists();
        CountingRules.Validate(Method, Created!.Parameter, _items, marks);
        RequireVotingOpen(now);
        RequireEligible(memberId, eligible);
        RequireNotLeft(memberId);
        return _ballots.TryGetValue(memberId, out var ballot) && ballot.Marks.SameAs(marks) ? null : new BallotCast(now, memberId, marks);
    }

    public DecisionEvent? DecideWithdrawBallot(string memberId, bool eligible, DateTimeOffset now)
    {
        RequireVotingOpen(now);
        RequireEligible(memberId, eligible);
        RequireNotLeft(memberId);
        return _ballots.ContainsKey(memberId) ? new BallotWithdrawn(now, memberId) : null;
    }

    /// <summary>Sets a decision-scope delegation; the cooperative has already checked both members.</summary>
    public DecisionEvent? DecideSetDelegation(string memberId, string? delegateId, DateTimeOffset now)
    {
        RequireDelegationsOpen(now);
        RequireNotLeft(memberId);
        DepartedMembers.RequireDelegateNotLeft(_left, delegateId);
        return _delegations.TryGetValue(memberId, out var current) && current == delegateId
            ? null
            : new DelegationSet(now, memberId, delegateId);
    }

    public DecisionEvent? DecideClearDelegation(string memberId, DateTimeOffset now)
    {
        RequireDelegationsOpen(now);
        RequireNotLeft(memberId);
        return _delegations.ContainsKey(memberId) ? new DelegationCleared(now, memberId) : null;
    }

    /// <summary>The member left the cooperative; see <see cref="DepartedMembers.Changes"/> for when that changes the decision.</summary>
    public DecisionEvent? DecideMemberLeft(string memberId, DateTimeOffset now)
    {
        RequireExists();
        var changes = DepartedMembers.Changes(
            Status == DecisionStatus.Voting, Status == DecisionStatus.Discussion, _left, memberId, _ballots.ContainsKey(memberId), _delegations);
        return changes ? new MemberLeft(now, memberId) : null;
    }

    /// <summary>The departures the cooperative's current roster reveals and this log has not recorded yet.</summary>
    public IReadOnlyList<DecisionEvent> DecideMembersLeft(EligibleRoster roster, bool[] currentMemberships, DateTimeOffset now) =>
        [.. DepartedMembers.Among(roster, currentMemberships, _ballots.Keys, _delegations)
            .Select(memberId => DecideMemberLeft(memberId, now))
            .OfType<DecisionEvent>()];

    /// <summary>The departures among <paramref name="ended"/> of members whose ballot or delegation (from or to them) the live count holds.</summary>
    public IReadOnlyList<DecisionEvent> DecideDeparturesHeld(IReadOnlyList<DepartedMembership> ended, DateTimeOffset now)
    {
        if (Live is null || Status != DecisionStatus.Voting || ended.Count == 0)
        {
            return [];
        }

        var held = HeldMemberIds.ToHashSet(StringComparer.Ordinal);
        return [.. ended
            .Where(membership => held.Contains(membership.MemberId) && Live.Holds(membership.Index, membership.MemberId))
            .Select(membership => membership.MemberId)
            .Distinct(StringComparer.Ordinal)
            .Select(memberId => DecideMemberLeft(memberId, now))
            .OfType<DecisionEvent>()];
    }

    /// <summary>
    /// Starts counting live while voting, from the cooperative's entries for this decision's roster (see
    /// <see cref="LiveCount.Start"/>) and every id in <see cref="HeldMemberIds"/> mapped in <paramref name="memberships"/>.
    /// From here on every applied event updates the count, and a closed decision lets it go.
    /// </summary>
    public void StartLiveCount(bool[] eligible, int[] entries, bool[]? atTopic, long version, IReadOnlyDictionary<string, int> memberships)
    {
        if (Status != DecisionStatus.Voting)
        {
            throw new InvalidOperationException("Only a decision in voting counts live.");
        }

        Live = LiveCount.Start(
            eligible, entries, atTopic, version, memberships,
            _ballots.Select(pair => KeyValuePair.Create(pair.Key, ChoiceOf(pair.Value.Marks))),
            _delegations);
    }

    /// <summary>The result while voting, read from the live count: O(1) for a majority, O(ballots) for a ranking method.</summary>
    public DecisionResult LiveResult()
    {
        var live = RequireLive();
        return Method == CountingMethod.Majority
            ? CountingRules.Majority(Rule, live.Counts, counting: true, null)
            : CountingRules.Rank(Method, Created!.Parameter, _items!, _ballots.Values, LiveBallotWeights(), live.EligibleCount);
    }

    /// <summary>How many eligible members each direct ballot carries now, its voter included, read from the live count.</summary>
    public IReadOnlyDictionary<string, int> LiveBallotWeights()
    {
        var live = RequireLive();
        return _ballots.Keys.ToDictionary(memberId => memberId, live.WeightOf, StringComparer.Ordinal);
    }

    /// <summary>Checked before a close fetches the cooperative's layers, so a refused close costs no call.</summary>
    public void RequireClosable()
    {
        RequireExists();
        if (Status != DecisionStatus.Voting)
        {
            throw RuleViolationException.Conflict("not-voting", $"Only a {Kind.Noun} in voting can close; this one is {StatusName}.");
        }
    }

    /// <summary>
    /// Closes voting under the cooperative's layers now; <paramref name="by"/> is the admin who asked, or null at the
    /// deadline. A majority decision freezes its counts and outcome, a ranking decision the weight of every ballot.
    /// </summary>
    public DecisionEvent DecideClose(EligibleRoster roster, ClosingLayers layers, CloseReason reason, DateTimeOffset now, string? by)
    {
        RequireClosable();
        var network = Network(roster, layers);
        if (Method != CountingMethod.Majority)
        {
            return new VotingClosed(now, reason, roster.EligibleCount, WeightsOf(roster, network), layers, by);
        }

        var counts = LiquidResolver.Tally(network);
        var outcome = Rule.Accepts(counts) ? Outcome.Accepted : Outcome.Rejected;
        return new VotingClosed(now, reason, Layers: layers, By: by, Counts: counts, QuorumReached: Rule.QuorumReached(counts), Outcome: outcome);
    }

    /// <summary>While voting, the cooperative's layers as they stand (<paramref name="live"/>); once closed, those the result was frozen under.</summary>
    public ClosingLayers CountedLayers(ClosingLayers? live) =>
        Closing?.Layers ?? live ?? throw new InvalidOperationException("A decision that is voting is counted under the cooperative's current layers.");

    /// <summary>
    /// The delegation network of the eligible members over the given cooperative layers, this decision's delegations
    /// and its direct ballots. The liquid rules only ask who voted directly, so a ballot with no choice (a ranking
    /// decision's) stands in as an abstention.
    /// </summary>
    public DelegationNetwork Network(EligibleRoster roster, ClosingLayers layers) =>
        roster.BuildNetwork(
            layers.DefaultLayer,
            layers.TopicLayer,
            _delegations,
            _ballots.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Marks.Choice ?? Choice.Abstain)));

    /// <summary>
    /// How many eligible members each direct ballot carries, its voter included: none in discussion, those frozen at
    /// the close once closed, and while voting those the roster and <paramref name="live"/> layers resolve now.
    /// </summary>
    public IReadOnlyDictionary<string, int> BallotWeights(EligibleRoster? roster, ClosingLayers? live)
    {
        RequireExists();
        return Status switch
        {
            DecisionStatus.Discussion => new Dictionary<string, int>(),
            DecisionStatus.Voting => WeightsOf(roster!, Network(roster!, CountedLayers(live))),
            _ => Closing!.Weights ?? throw new InvalidOperationException("A majority decision freezes its counts, not its ballots' weights."),
        };
    }

    /// <summary>
    /// The method's result: a majority decision's counts (resolved live while voting, frozen once closed), or a ranking
    /// decision's items ranked by the ballots weighted as <see cref="BallotWeights"/> says.
    /// </summary>
    public DecisionResult Result(EligibleRoster? roster, ClosingLayers? live)
    {
        RequireExists();
        if (Method == CountingMethod.Majority)
        {
            return Status switch
            {
                DecisionStatus.Discussion => CountingRules.Majority(Rule, TallyCounts.Empty, counting: false, null),
                DecisionStatus.Voting => CountingRules.Majority(Rule, LiquidResolver.Tally(Network(roster!, CountedLayers(live))), counting: true, null),
                _ => CountingRules.Majority(Rule, Closing!.Counts!, counting: true, Closing.Outcome),
            };
        }

        var eligible = Status switch
        {
            DecisionStatus.Discussion => 0,
            DecisionStatus.Voting => roster!.EligibleCount,
            _ => Closing!.Eligible,
        };
        return CountingRules.Rank(Method, Created!.Parameter, _items!, _ballots.Values, BallotWeights(roster, live), eligible);
    }

    /// <summary>Checked before an audit reads the roster, so a refused audit costs no call.</summary>
    public void RequireAuditable()
    {
        RequireExists();
        if (Status != DecisionStatus.Closed)
        {
            throw RuleViolationException.Conflict($"{Kind.Noun}-not-closed", $"A {Kind.Noun} has an audit once it has closed; this one is {StatusName}.");
        }

        if (Closing!.Layers is null)
        {
            throw RuleViolationException.Conflict(
                "audit-unavailable", $"This {Kind.Noun} closed before the delegations it was counted under were kept, so its audit cannot be rebuilt.");
        }
    }

    /// <summary>The closed decision by member id, with the delegations it was counted under; <paramref name="roster"/> is the one fixed at opening.</summary>
    public DecisionAudit Audit(EligibleRoster roster)
    {
        RequireAuditable();
        return DecisionAudit.Of(roster, Closing!.Layers!, _delegations, _ballots.Values, Result(roster, null));
    }

    /// <summary>Whose ballot carries the eligible member at <paramref name="index"/>, and through which chain.</summary>
    public VoteTrace Trace(EligibleRoster roster, ClosingLayers? live, int index) =>
        LiquidResolver.Trace(Network(roster, CountedLayers(live)), index);

    /// <summary>A hop can lead past the roster this decision holds only through its own delegation to a newer member.</summary>
    public string MemberIdAt(EligibleRoster roster, int index, int from = -1) =>
        roster.MemberIdAt(index)
        ?? (from >= 0 && _delegations.GetValueOrDefault(roster.MemberIds[from]) is { } delegateId ? delegateId : "unknown");

    public DecisionStateSnapshot ToSnapshot() =>
        new(Version, RequireCreated(), Opened, Closing, [.. _ballots.Values], new Dictionary<string, string?>(_delegations), [.. _left]);

    public static Decision FromSnapshot(DecisionStateSnapshot snapshot, DecisionKind kind, GovernanceLimits limits)
    {
        var decision = new Decision(kind) { Limits = limits };
        decision.Apply(snapshot.Created);
        if (snapshot.Opened is not null)
        {
            decision.Apply(snapshot.Opened);
        }

        foreach (var ballot in snapshot.Ballots)
        {
            decision._ballots[ballot.MemberId] = ballot;
        }

        foreach (var (member, target) in snapshot.Delegations)
        {
            decision._delegations[member] = target;
        }

        decision._left.UnionWith(snapshot.Left ?? []);

        if (snapshot.Closing is not null)
        {
            decision.Apply(snapshot.Closing);
        }

        decision.Version = snapshot.Version;
        return decision;
    }

    /// <summary>The live count goes first in every case, so that an id it cannot place throws before anything changed.</summary>
    public void Apply(DecisionEvent @event)
    {
        Version++;
        switch (@event)
        {
            case DecisionCreated created:
                Created = created;
                _items = created.Items is { Count: > 0 } items ? PriorityPoll.Create(items.Select(item => item.Id)) : null;
                Status = DecisionStatus.Discussion;
                break;
            case VotingOpened opened:
                Status = DecisionStatus.Voting;
                Opened = opened;
                break;
            case BallotCast cast:
                Live?.Cast(cast.MemberId, ChoiceOf(cast.Marks));
                _ballots[cast.MemberId] = new DecisionBallot(cast.MemberId, cast.Marks, cast.At);
                break;
            case BallotWithdrawn withdrawn:
                Live?.Withdraw(withdrawn.MemberId);
                _ballots.Remove(withdrawn.MemberId);
                break;
            case DelegationSet set:
                Live?.Delegate(set.MemberId, set.DelegateId);
                _delegations[set.MemberId] = set.DelegateId;
                break;
            case DelegationCleared cleared:
                Live?.ClearDelegation(cleared.MemberId);
                _delegations.Remove(cleared.MemberId);
                break;
            case MemberLeft left:
                Live?.Leave(left.MemberId);
                _ballots.Remove(left.MemberId);
                DepartedMembers.EndDelegations(_delegations, left.MemberId);
                if (Status == DecisionStatus.Voting)
                {
                    _left.Add(left.MemberId);
                }

                break;
            case VotingClosed closed:
                Status = DecisionStatus.Closed;
                Closing = closed;
                Live = null;
                break;
            default:
                throw new InvalidOperationException($"Unknown decision event {@event.GetType().Name}.");
        }
    }

    public void RequireExists() => RequireCreated();

    private string StatusName => Status.ToString().ToLowerInvariant();

    private DecisionCreated RequireCreated() =>
        Created ?? throw RuleViolationException.NotFound($"{Kind.Noun}-not-found", Kind.NotFoundMessage);

    /// <summary>The liquid rules only ask who voted directly, so a ballot with no choice (a ranking decision's) stands in as an abstention.</summary>
    private static Choice ChoiceOf(BallotMarks marks) => marks.Choice ?? Choice.Abstain;

    private LiveCount RequireLive() =>
        Live ?? throw new InvalidOperationException("The live count starts once the cooperative's layers are given.");

    private Dictionary<string, int> WeightsOf(EligibleRoster roster, DelegationNetwork network)
    {
        var carried = LiquidResolver.CarriedWeights(network);
        return _ballots.Keys.ToDictionary(memberId => memberId, memberId => carried[roster.IndexOfEligible(memberId)], StringComparer.Ordinal);
    }

    private List<DecisionItem> ValidItems(IReadOnlyList<DecisionItem>? items)
    {
        if (items is null || items.Count == 0)
        {
            throw RuleViolationException.Invalid("no-items", "A poll needs at least one item.", "items");
        }

        if (items.Count > Limits.MaxItemsPerPoll)
        {
            throw RuleViolationException.Invalid("too-many-items", $"A poll has at most {Limits.MaxItemsPerPoll} items.", "items");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = new List<DecisionItem>(items.Count);
        foreach (var item in items)
        {
            if (item is null || !ResourceId.IsValid(item.Id, Limits.MaxIdLength))
            {
                throw RuleViolationException.Invalid(
                    "invalid-item-id", $"Every item's 'id' must be {ResourceId.Rule(Limits.MaxIdLength)}.", "items");
            }

            var title = item.Title?.Trim();
            if (string.IsNullOrEmpty(title) || title.Length > Limits.MaxTitleLength)
            {
                throw RuleViolationException.Invalid(
                    "invalid-item-title", $"The title of item '{item.Id}' must be 1-{Limits.MaxTitleLength} characters.", "items");
            }

            if (!seen.Add(item.Id))
            {
                throw RuleViolationException.Invalid("duplicate-item", $"Item '{item.Id}' is listed twice.", "items");
            }

            valid.Add(new DecisionItem(item.Id, title));
        }

        return valid;
    }

    /// <summary>The deadline is not checked again: it was valid when the decision was created, and a retry may come after it.</summary>
    private bool IsRepeat(string cooperativeId, DecisionDefinition definition, string createdBy)
    {
        DecisionCreated repeat;
        try
        {
            repeat = Build(cooperativeId, definition, createdBy, Created!.At);
        }
        catch (RuleViolationException)
        {
            return false;
        }

        return Created! with { Items = repeat.Items } == repeat && (Created.Items ?? []).SequenceEqual(repeat.Items ?? []);
    }

    /// <summary>The creation event for a definition, with every part but the deadline validated.</summary>
    private DecisionCreated Build(string cooperativeId, DecisionDefinition definition, string createdBy, DateTimeOffset now)
    {
        var title = definition.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > Limits.MaxTitleLength)
        {
            throw RuleViolationException.Invalid("invalid-title", $"'title' must be 1-{Limits.MaxTitleLength} characters.", "title");
        }

        if (definition.Body is not null && definition.Body.Length > Limits.MaxBodyLength)
        {
            throw RuleViolationException.Invalid("invalid-body", $"'body' must be at most {Limits.MaxBodyLength} characters.", "body");
        }

        var parameter = MethodParameter.Resolve(definition.Method, definition.MaxScore, definition.CreditBudget, definition.PointBudget);
        var majority = definition.Method == CountingMethod.Majority;
        return new DecisionCreated(
            now, cooperativeId, title, definition.Body, definition.Topic, definition.Method, definition.ClosesAt, createdBy,
            majority ? null : ValidItems(definition.Items), parameter, majority ? definition.Quorum : 0, majority ? definition.Threshold : 0);
    }

    private void RequireVotingOpen(DateTimeOffset now)
    {
        RequireExists();
        if (Status != DecisionStatus.Voting || DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict(
                "voting-not-open",
                Status == DecisionStatus.Discussion ? "Voting has not opened yet." : "Voting has closed.");
        }
    }

    private static void RequireEligible(string memberId, bool eligible)
    {
        if (!eligible)
        {
            throw RuleViolationException.Conflict("not-eligible", $"'{memberId}' was not a member when voting opened.");
        }
    }

    private void RequireNotLeft(string memberId) => DepartedMembers.RequireNotLeft(_left, memberId, Kind.Noun);

    private void RequireDelegationsOpen(DateTimeOffset now)
    {
        RequireExists();
        if (Status == DecisionStatus.Closed || DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict($"{Kind.Noun}-closed", "Delegations cannot change once voting has closed.");
        }
    }
}
