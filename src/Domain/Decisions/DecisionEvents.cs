using System.Text.Json.Serialization;
using Governance.Domain.Voting;

namespace Governance.Domain.Decisions;

/// <summary>
/// A fact in a decision's log: its lifecycle, every ballot and decision-scope delegation, and the result frozen at
/// close. The lifecycle events name the member who acted (By). Each kind stores them under the names and shapes it
/// has always stored, so the logs of proposals and polls read the same before and after they shared this model.
/// </summary>
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
/// Voting closed, which fixes the result for good. <paramref name="Layers"/> are the delegations it was resolved
/// under, kept for traces; <paramref name="By"/> is the admin who closed it, or null at the deadline. A majority
/// decision records its <paramref name="Counts"/>, <paramref name="QuorumReached"/> and <paramref name="Outcome"/>; a
/// ranking decision how many of the <paramref name="Eligible"/> members each direct ballot carried
/// (<paramref name="Weights"/>), from which its ranking follows.
/// </summary>
public sealed record VotingClosed(
    DateTimeOffset At,
    CloseReason Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Eligible = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, int>? Weights = null,
    ClosingLayers? Layers = null,
    string? By = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TallyCounts? Counts = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? QuorumReached = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Outcome? Outcome = null) : DecisionEvent(At);
