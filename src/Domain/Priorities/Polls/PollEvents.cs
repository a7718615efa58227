using System.Text.Json.Serialization;
using Governance.Domain.Proposals;

namespace Governance.Domain.Priorities.Polls;

/// <summary>
/// A fact in a priority poll's log: its lifecycle, every ballot and poll-scope delegation, and the weights frozen at
/// close. The lifecycle events name the member who acted (By).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PollCreated), "poll-created")]
[JsonDerivedType(typeof(PollOpened), "poll-opened")]
[JsonDerivedType(typeof(PollBallotCast), "poll-ballot-cast")]
[JsonDerivedType(typeof(PollBallotWithdrawn), "poll-ballot-withdrawn")]
[JsonDerivedType(typeof(PollDelegationSet), "poll-delegation-set")]
[JsonDerivedType(typeof(PollDelegationCleared), "poll-delegation-cleared")]
[JsonDerivedType(typeof(PollMemberLeft), "poll-member-left")]
[JsonDerivedType(typeof(PollClosed), "poll-closed")]
public abstract record PollEvent(DateTimeOffset At);

/// <summary>A new poll; <paramref name="Parameter"/> is the method's parameter (see <see cref="MethodParameter"/>), 0 when it has none.</summary>
public sealed record PollCreated(
    DateTimeOffset At,
    string CooperativeId,
    string Title,
    string? Body,
    string? Topic,
    PollMethod Method,
    int Parameter,
    IReadOnlyList<PollItem> Items,
    DateTimeOffset? ClosesAt,
    string CreatedBy) : PollEvent(At);

/// <summary>Voting opened; the eligible members are those on the cooperative's roster at <paramref name="RosterVersion"/>.</summary>
public sealed record PollOpened(DateTimeOffset At, long RosterVersion, string By) : PollEvent(At);

public sealed record PollBallotCast(DateTimeOffset At, string MemberId, BallotMarks Marks) : PollEvent(At);

public sealed record PollBallotWithdrawn(DateTimeOffset At, string MemberId) : PollEvent(At);

public sealed record PollDelegationSet(DateTimeOffset At, string MemberId, string? DelegateId) : PollEvent(At);

public sealed record PollDelegationCleared(DateTimeOffset At, string MemberId) : PollEvent(At);

/// <summary>
/// The member left the cooperative while the poll was open: their ballot is withdrawn and every poll-scope delegation
/// from or to them ends; while voting, they take no further part.
/// </summary>
public sealed record PollMemberLeft(DateTimeOffset At, string MemberId) : PollEvent(At);

/// <summary>
/// Voting closed. <paramref name="Weights"/> is how many members each direct ballot carried at that moment, which
/// with the ballots fixes the result for good; <paramref name="Layers"/> are the delegations it was resolved under,
/// kept for traces; <paramref name="By"/> is the admin who closed it, or null at the deadline.
/// </summary>
public sealed record PollClosed(
    DateTimeOffset At,
    CloseReason Reason,
    int Eligible,
    IReadOnlyDictionary<string, int> Weights,
    ClosingLayers Layers,
    string? By) : PollEvent(At);
