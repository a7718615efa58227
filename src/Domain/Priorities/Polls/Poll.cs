using Governance.Domain.Identifiers;
using Governance.Domain.Proposals;
using Governance.Domain.Rules;
using Governance.Domain.Voting;

namespace Governance.Domain.Priorities.Polls;

/// <summary>
/// A priority poll's state as the fold of its log: discussion, then voting with a fixed eligible roster, then closed
/// with frozen ballot weights. Decide methods return the event to append, or null when nothing would change.
/// </summary>
public sealed class Poll
{
    private readonly SortedDictionary<string, PollBallot> _ballots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _delegations = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _left = new(StringComparer.Ordinal);
    private PriorityPoll? _itemPoll;

    /// <summary>Configuration, not state: the limits this deployment enforces on new commands.</summary>
    public GovernanceLimits Limits { get; init; } = GovernanceLimits.Default;

    public bool Exists => Created is not null;

    public PollCreated? Created { get; private set; }

    public PollStatus Status { get; private set; }

    public PollOpened? Opened { get; private set; }

    /// <summary>The cooperative's log position whose roster is the eligible set.</summary>
    public long? RosterVersion => Opened?.RosterVersion;

    public PollClosed? Closing { get; private set; }

    public long Version { get; private set; }

    public PollMethod Method => RequireCreated().Method;

    public string? Topic => Created?.Topic;

    public DateTimeOffset? ClosesAt => Created?.ClosesAt;

    public IReadOnlyDictionary<string, PollBallot> Ballots => _ballots;

    /// <summary>Poll-scope delegations: member to delegate, or to null for an explicit block.</summary>
    public IReadOnlyDictionary<string, string?> Delegations => _delegations;

    /// <summary>Eligible members who left the cooperative while voting was open: they take no further part.</summary>
    public IReadOnlyCollection<string> Left => _left;

    /// <summary>Voting is over once the deadline passes, even before the close has been recorded.</summary>
    public bool DeadlinePassed(DateTimeOffset now) => ClosesAt is { } deadline && now >= deadline;

    /// <summary>Creates the poll; creating it again with the same definition changes nothing.</summary>
    public PollEvent? DecideCreate(string cooperativeId, PollDefinition definition, string createdBy, DateTimeOffset now)
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
        var items = ValidItems(definition.Items);
        Deadlines.Validate(definition.ClosesAt, now, Limits, "closesAt", "invalid-closes-at");

        var created = new PollCreated(
            now, cooperativeId, title, definition.Body, definition.Topic, definition.Method, parameter, items, definition.ClosesAt, createdBy);
        return Created is null ? created
            : SameDefinition(Created, created) ? null
            : throw RuleViolationException.Conflict("poll-exists", "A poll with this id already exists.");
    }

    public PollEvent DecideOpen(long rosterVersion, string by, DateTimeOffset now)
    {
        RequireExists();
        if (Status != PollStatus.Discussion)
        {
            throw RuleViolationException.Conflict("not-in-discussion", $"Only a poll in discussion can open; this one is {StatusName}.");
        }

        if (DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict("deadline-passed", "The poll's deadline has already passed.");
        }

        return new PollOpened(now, rosterVersion, by);
    }

    /// <summary>A ballot that breaks the method's rules is invalid whatever the poll's state; a valid one needs voting open.</summary>
    public PollEvent? DecideCastBallot(string memberId, BallotMarks marks, bool eligible, DateTimeOffset now)
    {
        RequireExists();
        PollBallotRules.Validate(Method, Created!.Parameter, _itemPoll!, marks);
        RequireVotingOpen(now);
        RequireEligible(memberId, eligible);
        RequireNotLeft(memberId);
        return _ballots.TryGetValue(memberId, out var ballot) && ballot.Marks.SameAs(marks) ? null : new PollBallotCast(now, memberId, marks);
    }

    public PollEvent? DecideWithdrawBallot(string memberId, bool eligible, DateTimeOffset now)
    {
        RequireVotingOpen(now);
        RequireEligible(memberId, eligible);
        RequireNotLeft(memberId);
        return _ballots.ContainsKey(memberId) ? new PollBallotWithdrawn(now, memberId) : null;
    }

    /// <summary>Sets a poll-scope delegation; the cooperative has already checked both members.</summary>
    public PollEvent? DecideSetDelegation(string memberId, string? delegateId, DateTimeOffset now)
    {
        RequireDelegationsOpen(now);
        RequireNotLeft(memberId);
        DepartedMembers.RequireDelegateNotLeft(_left, delegateId);
        return _delegations.TryGetValue(memberId, out var current) && current == delegateId
            ? null
            : new PollDelegationSet(now, memberId, delegateId);
    }

    public PollEvent? DecideClearDelegation(string memberId, DateTimeOffset now)
    {
        RequireDelegationsOpen(now);
        RequireNotLeft(memberId);
        return _delegations.ContainsKey(memberId) ? new PollDelegationCleared(now, memberId) : null;
    }

    /// <summary>The member left the cooperative; see <see cref="DepartedMembers.Changes"/> for when that changes the poll.</summary>
    public PollEvent? DecideMemberLeft(string memberId, DateTimeOffset now)
    {
        RequireExists();
        var changes = DepartedMembers.Changes(
            Status == PollStatus.Voting, Status == PollStatus.Discussion, _left, memberId, _ballots.ContainsKey(memberId), _delegations);
        return changes ? new PollMemberLeft(now, memberId) : null;
    }

    /// <summary>The departures the cooperative's current roster reveals and this log has not recorded yet.</summary>
    public IReadOnlyList<PollEvent> DecideMembersLeft(EligibleRoster roster, bool[] currentMemberships, DateTimeOffset now) =>
        [.. DepartedMembers.Among(roster, currentMemberships, _ballots.Keys, _delegations)
            .Select(memberId => DecideMemberLeft(memberId, now))
            .OfType<PollEvent>()];

    /// <summary>Closes voting with the weights the ballots carry now; <paramref name="by"/> is the admin who asked, or null at the deadline.</summary>
    public PollEvent DecideClose(EligibleRoster roster, ClosingLayers layers, CloseReason reason, DateTimeOffset now, string? by)
    {
        RequireClosable();
        return new PollClosed(now, reason, roster.EligibleCount, BallotWeights(roster, layers), layers, by);
    }

    /// <summary>The delegation network of this poll's direct voters over the given cooperative layers and the poll's own delegations.</summary>
    public DelegationNetwork Network(EligibleRoster roster, ClosingLayers layers) =>
        roster.BuildNetworkOfDirectVoters(layers.DefaultLayer, layers.TopicLayer, _delegations, _ballots.Keys);

    /// <summary>How many eligible members each direct ballot carries, its voter included.</summary>
    public IReadOnlyDictionary<string, int> BallotWeights(EligibleRoster roster, ClosingLayers layers)
    {
        var carried = LiquidResolver.CarriedWeights(Network(roster, layers));
        return _ballots.Keys.ToDictionary(memberId => memberId, memberId => carried[roster.IndexOfEligible(memberId)], StringComparer.Ordinal);
    }

    /// <summary>
    /// The weight of every ballot and the number of eligible members, as the result counts them: none in discussion,
    /// the weights frozen at the close once closed, and while voting those <paramref name="live"/> resolves now.
    /// </summary>
    public (IReadOnlyDictionary<string, int> Weights, int Eligible) CountedWeights(Func<(IReadOnlyDictionary<string, int> Weights, int Eligible)> live)
    {
        RequireExists();
        return Status switch
        {
            PollStatus.Discussion => (new Dictionary<string, int>(), 0),
            PollStatus.Voting => live(),
            _ => (Closing!.Weights, Closing.Eligible),
        };
    }

    /// <summary>The method's tally over the direct ballots, each weighted as <see cref="CountedWeights"/> says.</summary>
    public PollResult Result(Func<(IReadOnlyDictionary<string, int> Weights, int Eligible)> live)
    {
        var (weights, eligible) = CountedWeights(live);
        return PollBallotRules.Tally(Method, Created!.Parameter, _itemPoll!, _ballots.Values, weights, eligible);
    }

    public PollSnapshot ToSnapshot() =>
        new(Version, RequireCreated(), Opened, Closing, [.. _ballots.Values], new Dictionary<string, string?>(_delegations), [.. _left]);

    public static Poll FromSnapshot(PollSnapshot snapshot, GovernanceLimits limits)
    {
        var poll = new Poll { Limits = limits };
        poll.Apply(snapshot.Created);
        if (snapshot.Opened is not null)
        {
            poll.Apply(snapshot.Opened);
        }

        foreach (var ballot in snapshot.Ballots)
        {
            poll._ballots[ballot.MemberId] = ballot;
        }

        foreach (var (member, target) in snapshot.Delegations)
        {
            poll._delegations[member] = target;
        }

        poll._left.UnionWith(snapshot.Left ?? []);

        if (snapshot.Closing is not null)
        {
            poll.Apply(snapshot.Closing);
        }

        poll.Version = snapshot.Version;
        return poll;
    }

    public void Apply(PollEvent @event)
    {
        Version++;
        switch (@event)
        {
            case PollCreated created:
                Created = created;
                _itemPoll = PriorityPoll.Create(created.Items.Select(item => item.Id));
                Status = PollStatus.Discussion;
                break;
            case PollOpened opened:
                Status = PollStatus.Voting;
                Opened = opened;
                break;
            case PollBallotCast cast:
                _ballots[cast.MemberId] = new PollBallot(cast.MemberId, cast.Marks, cast.At);
                break;
            case PollBallotWithdrawn withdrawn:
                _ballots.Remove(withdrawn.MemberId);
                break;
            case PollDelegationSet set:
                _delegations[set.MemberId] = set.DelegateId;
                break;
            case PollDelegationCleared cleared:
                _delegations.Remove(cleared.MemberId);
                break;
            case PollMemberLeft left:
                _ballots.Remove(left.MemberId);
                DepartedMembers.EndDelegations(_delegations, left.MemberId);
                if (Status == PollStatus.Voting)
                {
                    _left.Add(left.MemberId);
                }

                break;
            case PollClosed closed:
                Status = PollStatus.Closed;
                Closing = closed;
                break;
            default:
                throw new InvalidOperationException($"Unknown poll event {@event.GetType().Name}.");
        }
    }

    public void RequireExists() => RequireCreated();

    /// <summary>Checked before the close fetches the cooperative's layers, so a refused close costs no call.</summary>
    public void RequireClosable()
    {
        RequireExists();
        if (Status != PollStatus.Voting)
        {
            throw RuleViolationException.Conflict("not-voting", $"Only a poll in voting can close; this one is {StatusName}.");
        }
    }

    private string StatusName => Status.ToString().ToLowerInvariant();

    private PollCreated RequireCreated() =>
        Created ?? throw RuleViolationException.NotFound("poll-not-found", "No priority poll has this id.");

    private List<PollItem> ValidItems(IReadOnlyList<PollItem>? items)
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
        var valid = new List<PollItem>(items.Count);
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

            valid.Add(new PollItem(item.Id, title));
        }

        return valid;
    }

    private static bool SameDefinition(PollCreated existing, PollCreated repeat) =>
        existing with { At = repeat.At, Items = repeat.Items } == repeat && existing.Items.SequenceEqual(repeat.Items);

    private void RequireVotingOpen(DateTimeOffset now)
    {
        RequireExists();
        if (Status != PollStatus.Voting || DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict(
                "voting-not-open",
                Status == PollStatus.Discussion ? "Voting has not opened yet." : "Voting has closed.");
        }
    }

    private static void RequireEligible(string memberId, bool eligible)
    {
        if (!eligible)
        {
            throw RuleViolationException.Conflict("not-eligible", $"'{memberId}' was not a member when voting opened.");
        }
    }

    private void RequireNotLeft(string memberId) => DepartedMembers.RequireNotLeft(_left, memberId, "poll");

    private void RequireDelegationsOpen(DateTimeOffset now)
    {
        RequireExists();
        if (Status == PollStatus.Closed || DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict("poll-closed", "Delegations cannot change once voting has closed.");
        }
    }
}
