using System.Text.Json.Serialization;
using Governance.Domain.Voting;

namespace Governance.Domain.Proposals;

/// <summary>
/// A fact in a proposal's log: its lifecycle, every ballot and proposal-scope delegation, and the final tally. The
/// lifecycle events name the member who acted (By).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ProposalCreated), "proposal-created")]
[JsonDerivedType(typeof(VotingOpened), "voting-opened")]
[JsonDerivedType(typeof(BallotCast), "ballot-cast")]
[JsonDerivedType(typeof(BallotWithdrawn), "ballot-withdrawn")]
[JsonDerivedType(typeof(ProposalDelegationSet), "proposal-delegation-set")]
[JsonDerivedType(typeof(ProposalDelegationCleared), "proposal-delegation-cleared")]
[JsonDerivedType(typeof(MemberLeft), "member-left")]
[JsonDerivedType(typeof(VotingClosed), "voting-closed")]
public abstract record ProposalEvent(DateTimeOffset At);

public sealed record ProposalCreated(
    DateTimeOffset At,
    string CooperativeId,
    string Title,
    string? Body,
    string? Topic,
    DateTimeOffset? ClosesAt,
    double Quorum,
    double Threshold,
    string CreatedBy) : ProposalEvent(At);

/// <summary>Voting opened; the eligible members are those on the cooperative's roster at <paramref name="RosterVersion"/>.</summary>
public sealed record VotingOpened(DateTimeOffset At, long RosterVersion, string By) : ProposalEvent(At);

public sealed record BallotCast(DateTimeOffset At, string MemberId, Choice Choice) : ProposalEvent(At);

public sealed record BallotWithdrawn(DateTimeOffset At, string MemberId) : ProposalEvent(At);

public sealed record ProposalDelegationSet(DateTimeOffset At, string MemberId, string? DelegateId) : ProposalEvent(At);

public sealed record ProposalDelegationCleared(DateTimeOffset At, string MemberId) : ProposalEvent(At);

/// <summary>
/// The member left the cooperative while the proposal was open: their ballot is withdrawn and every proposal-scope
/// delegation from or to them ends; while voting, they take no further part.
/// </summary>
public sealed record MemberLeft(DateTimeOffset At, string MemberId) : ProposalEvent(At);

/// <summary>
/// Voting closed with a frozen tally; <paramref name="Layers"/> are the delegations it was counted under, and
/// <paramref name="By"/> the admin who closed it, or null when it closed at its deadline.
/// </summary>
public sealed record VotingClosed(
    DateTimeOffset At,
    CloseReason Reason,
    TallyCounts Counts,
    bool QuorumReached,
    Outcome Outcome,
    ClosingLayers? Layers = null,
    string? By = null) : ProposalEvent(At);
