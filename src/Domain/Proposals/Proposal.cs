using Governance.Domain.Rules;
using Governance.Domain.Voting;

namespace Governance.Domain.Proposals;

/// <summary>
/// A proposal's state as the fold of its log: discussion, then voting with a fixed eligible roster, then closed
/// with a frozen tally. Decide methods return the event to append, or null when nothing would change.
/// </summary>
public sealed class Proposal
{
    private readonly SortedDictionary<string, Ballot> _ballots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _delegations = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _left = new(StringComparer.Ordinal);

    /// <summary>Configuration, not state: the limits this deployment enforces on new commands.</summary>
    public GovernanceLimits Limits { get; init; } = GovernanceLimits.Default;

    public bool Exists { get; private set; }

    public string CooperativeId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string? Body { get; private set; }

    public string? Topic { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset? ClosesAt { get; private set; }

    public DecisionRule Rule { get; private set; } = DecisionRule.Default;

    public ProposalStatus Status { get; private set; }

    public VotingOpened? Opened { get; private set; }

    public DateTimeOffset? OpenedAt => Opened?.At;

    /// <summary>The cooperative's log position whose roster is the eligible set.</summary>
    public long? RosterVersion => Opened?.RosterVersion;

    public VotingClosed? Closing { get; private set; }

    public long Version { get; private set; }

    private ProposalCreated? Created { get; set; }

    public IReadOnlyDictionary<string, Ballot> Ballots => _ballots;

    /// <summary>Proposal-scope delegations: member to delegate, or to null for an explicit block.</summary>
    public IReadOnlyDictionary<string, string?> Delegations => _delegations;

    /// <summary>Eligible members who left the cooperative while voting was open: they take no further part.</summary>
    public IReadOnlyCollection<string> Left => _left;

    /// <summary>Voting is over once the deadline passes, even before the close has been recorded.</summary>
    public bool DeadlinePassed(DateTimeOffset now) => ClosesAt is { } deadline && now >= deadline;

    public ProposalEvent DecideCreate(
        string cooperativeId,
        string title,
        string? body,
        string? topic,
        DateTimeOffset? closesAt,
        DecisionRule rule,
        string createdBy,
        DateTimeOffset now)
    {
        if (Exists)
        {
            throw RuleViolationException.Conflict("proposal-exists", "A proposal with this id already exists.");
        }

        var validTitle = title?.Trim();
        if (string.IsNullOrEmpty(validTitle) || validTitle.Length > Limits.MaxTitleLength)
        {
            throw RuleViolationException.Invalid("invalid-title", $"'title' must be 1-{Limits.MaxTitleLength} characters.", "title");
        }

        if (body is not null && body.Length > Limits.MaxBodyLength)
        {
            throw RuleViolationException.Invalid("invalid-body", $"'body' must be at most {Limits.MaxBodyLength} characters.", "body");
        }

        Deadlines.Validate(closesAt, now, Limits, "closesAt", "invalid-closes-at");

        return new ProposalCreated(now, cooperativeId, validTitle, body, topic, closesAt, rule.Quorum, rule.Threshold, createdBy);
    }

    public ProposalEvent DecideOpen(long rosterVersion, string by, DateTimeOffset now)
    {
        RequireExists();
        if (Status != ProposalStatus.Discussion)
        {
            throw RuleViolationException.Conflict("not-in-discussion", $"Only a proposal in discussion can open; this one is {Status.ToString().ToLowerInvariant()}.");
        }

        if (DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict("deadline-passed", "The proposal's deadline has already passed.");
        }

        return new VotingOpened(now, rosterVersion, by);
    }

    public ProposalEvent? DecideCastVote(string memberId, Choice choice, bool eligible, DateTimeOffset now)
    {
        RequireVotingOpen(now);
        if (!eligible)
        {
            throw RuleViolationException.Conflict("not-eligible", $"'{memberId}' was not a member when voting opened.");
        }

        RequireNotLeft(memberId);
        return _ballots.TryGetValue(memberId, out var ballot) && ballot.Choice == choice ? null : new BallotCast(now, memberId, choice);
    }

    public ProposalEvent? DecideWithdrawVote(string memberId, bool eligible, DateTimeOffset now)
    {
        RequireVotingOpen(now);
        if (!eligible)
        {
            throw RuleViolationException.Conflict("not-eligible", $"'{memberId}' was not a member when voting opened.");
        }

        RequireNotLeft(memberId);
        return _ballots.ContainsKey(memberId) ? new BallotWithdrawn(now, memberId) : null;
    }

    /// <summary>Sets a proposal-scope delegation; the cooperative has already checked both members.</summary>
    public ProposalEvent? DecideSetDelegation(string memberId, string? delegateId, DateTimeOffset now)
    {
        RequireDelegationsOpen(now);
        RequireNotLeft(memberId);
        DepartedMembers.RequireDelegateNotLeft(_left, delegateId);
        return _delegations.TryGetValue(memberId, out var current) && current == delegateId
            ? null
            : new ProposalDelegationSet(now, memberId, delegateId);
    }

    public ProposalEvent? DecideClearDelegation(string memberId, DateTimeOffset now)
    {
        RequireDelegationsOpen(now);
        RequireNotLeft(memberId);
        return _delegations.ContainsKey(memberId) ? new ProposalDelegationCleared(now, memberId) : null;
    }

    /// <summary>The member left the cooperative; see <see cref="DepartedMembers.Changes"/> for when that changes the proposal.</summary>
    public ProposalEvent? DecideMemberLeft(string memberId, DateTimeOffset now)
    {
        RequireExists();
        var changes = DepartedMembers.Changes(
            Status == ProposalStatus.Voting, Status == ProposalStatus.Discussion, _left, memberId, _ballots.ContainsKey(memberId), _delegations);
        return changes ? new MemberLeft(now, memberId) : null;
    }

    /// <summary>The departures the cooperative's current roster reveals and this log has not recorded yet.</summary>
    public IReadOnlyList<ProposalEvent> DecideMembersLeft(EligibleRoster roster, bool[] currentMemberships, DateTimeOffset now) =>
        [.. DepartedMembers.Among(roster, currentMemberships, _ballots.Keys, _delegations)
            .Select(memberId => DecideMemberLeft(memberId, now))
            .OfType<ProposalEvent>()];

    /// <summary>Closes voting; <paramref name="by"/> is the admin who asked, or null at the deadline.</summary>
    public ProposalEvent DecideClose(TallyCounts counts, CloseReason reason, DateTimeOffset now, ClosingLayers? layers = null, string? by = null)
    {
        RequireExists();
        if (Status != ProposalStatus.Voting)
        {
            throw RuleViolationException.Conflict("not-voting", $"Only a proposal in voting can close; this one is {Status.ToString().ToLowerInvariant()}.");
        }

        var quorumReached = Rule.QuorumReached(counts);
        var outcome = Rule.Accepts(counts) ? Outcome.Accepted : Outcome.Rejected;
        return new VotingClosed(now, reason, counts, quorumReached, outcome, layers, by);
    }

    public ProposalSnapshot ToSnapshot() =>
        new(Version, Created ?? throw new InvalidOperationException("A proposal that does not exist has no snapshot."),
            Opened, Closing, [.. _ballots.Values], new Dictionary<string, string?>(_delegations), [.. _left]);

    public static Proposal FromSnapshot(ProposalSnapshot snapshot)
    {
        var proposal = new Proposal();
        proposal.Apply(snapshot.Created);
        if (snapshot.Opened is not null)
        {
            proposal.Apply(snapshot.Opened);
        }

        foreach (var ballot in snapshot.Ballots)
        {
            proposal._ballots[ballot.MemberId] = ballot;
        }

        foreach (var (member, target) in snapshot.Delegations)
        {
            proposal._delegations[member] = target;
        }

        proposal._left.UnionWith(snapshot.Left ?? []);

        if (snapshot.Closing is not null)
        {
            proposal.Apply(snapshot.Closing);
        }

        proposal.Version = snapshot.Version;
        return proposal;
    }

    public void Apply(ProposalEvent @event)
    {
        Version++;
        switch (@event)
        {
            case ProposalCreated created:
                Exists = true;
                Created = created;
                CooperativeId = created.CooperativeId;
                Title = created.Title;
                Body = created.Body;
                Topic = created.Topic;
                ClosesAt = created.ClosesAt;
                CreatedAt = created.At;
                CreatedBy = created.CreatedBy;
                Rule = new DecisionRule(created.Quorum, created.Threshold);
                Status = ProposalStatus.Discussion;
                break;
            case VotingOpened opened:
                Status = ProposalStatus.Voting;
                Opened = opened;
                break;
            case BallotCast cast:
                _ballots[cast.MemberId] = new Ballot(cast.MemberId, cast.Choice, cast.At);
                break;
            case BallotWithdrawn withdrawn:
                _ballots.Remove(withdrawn.MemberId);
                break;
            case ProposalDelegationSet set:
                _delegations[set.MemberId] = set.DelegateId;
                break;
            case ProposalDelegationCleared cleared:
                _delegations.Remove(cleared.MemberId);
                break;
            case MemberLeft left:
                _ballots.Remove(left.MemberId);
                DepartedMembers.EndDelegations(_delegations, left.MemberId);
                if (Status == ProposalStatus.Voting)
                {
                    _left.Add(left.MemberId);
                }

                break;
            case VotingClosed closed:
                Status = ProposalStatus.Closed;
                Closing = closed;
                break;
            default:
                throw new InvalidOperationException($"Unknown proposal event {@event.GetType().Name}.");
        }
    }

    public void RequireExists()
    {
        if (!Exists)
        {
            throw RuleViolationException.NotFound("proposal-not-found", "No proposal has this id.");
        }
    }

    private void RequireVotingOpen(DateTimeOffset now)
    {
        RequireExists();
        if (Status != ProposalStatus.Voting || DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict(
                "voting-not-open",
                Status == ProposalStatus.Discussion ? "Voting has not opened yet." : "Voting has closed.");
        }
    }

    private void RequireNotLeft(string memberId) => DepartedMembers.RequireNotLeft(_left, memberId, "proposal");

    private void RequireDelegationsOpen(DateTimeOffset now)
    {
        RequireExists();
        if (Status == ProposalStatus.Closed || DeadlinePassed(now))
        {
            throw RuleViolationException.Conflict("proposal-closed", "Delegations cannot change once voting has closed.");
        }
    }
}
