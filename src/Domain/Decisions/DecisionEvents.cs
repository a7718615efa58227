using System.Text.Json.Serialization;
using Governance.Domain.Voting;

namespace Governance.Domain.Decisions;

/// <summary>
/// A fact in a decision's log: its lifecycle, every ballot and decision-scope delegation, and the result frozen at
/// close. The lifecycle events name the member who acted (By). Logs written before proposals and polls shared this
/// vocabulary are read through the decision log upcaster.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DecisionCreated), "decision-created")]
[JsonDerivedType(typeof(VotingOpened), "voting-opened")]
[JsonDerivedType(typeof(BallotCast), "ballot-cast")]
[JsonDerivedType(typeof(BallotWithdrawn), "ballot-withdrawn")]
[JsonDerivedType(typeof(DelegationSet), "delegation-set")]
[JsonDerivedType(typeof(DelegationCleared), "delegation-cleared")]
[JsonDerivedType(typeof(MemberLeft), "member-left")]
[JsonDerivedType(typeof(VotingClosed), "voting-closed")]
public abstract record DecisionEvent(DateTimeOffset At);

/// <summary>
/// A new decision. <paramref name="Quorum"/> and <paramref name="Threshold"/> are the majority rule's;
/// <paramref name="Items"/> and <paramref name="Parameter"/> (see <see cref="MethodParameter"/>, 0 when the method
/// takes none) are a ranking method's.
/// </summary>
public sealed record DecisionCreated(
    DateTimeOffset At,
    string CooperativeId,
    string Title,
    string? Body,
    string? Topic,
    CountingMethod Method,
    DateTimeOffset? ClosesAt,
    string CreatedBy,
    IReadOnlyList<DecisionItem>? Items = null,
    int Parameter = 0,
    double Quorum = 0,
    double Threshold = 0) : DecisionEvent(At);

/// <summary>Voting opened; the eligible members are those on the cooperative's roster at <paramref name="RosterVersion"/>.</summary>
public sealed record VotingOpened(DateTimeOffset At, long RosterVersion, string By) : DecisionEvent(At);

public sealed record BallotCast(DateTimeOffset At, string MemberId, BallotMarks Marks) : DecisionEvent(At);

public sealed record BallotWithdrawn(DateTimeOffset At, string MemberId) : DecisionEvent(At);

public sealed record DelegationSet(DateTimeOffset At, string MemberId, string? DelegateId) : DecisionEvent(At);

public sealed record DelegationCleared(DateTimeOffset At, string MemberId) : DecisionEvent(At);

/// <summary>
/// The member left the cooperative while the decision was open: their ballot is withdrawn and every decision-scope
/// delegation from or to them ends; while voting, they take no further part.
/// </summary>
public sealed record MemberLeft(DateTimeOffset At, string MemberId) : DecisionEvent(At);

/// <summary>
/// Voting closed, which fixes the result for good. <paramref name="Weights"/> is how many of the
/// <paramref name="Eligible"/> members each direct ballot carried; <paramref name="Layers"/> are the delegations it
/// was resolved under, kept for traces; <paramref name="By"/> is the admin who closed it, or null at the deadline.
/// A majority decision also records its <paramref name="Counts"/> and <paramref name="Outcome"/>; proposals closed
/// before weights were kept have counts alone.
/// </summary>
public sealed record VotingClosed(
    DateTimeOffset At,
    CloseReason Reason,
    int Eligible = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, int>? Weights = null,
    ClosingLayers? Layers = null,
    string? By = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TallyCounts? Counts = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? QuorumReached = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Outcome? Outcome = null) : DecisionEvent(At);
