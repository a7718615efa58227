using System.Text.Json.Serialization;
using Governance.Domain.Decisions;

namespace Governance.Domain.Cooperatives;

/// <summary>
/// A fact in a cooperative's log. The log is the audit trail: security-relevant events name who acted (By).
/// Their type names are a durable contract.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CooperativeCreated), "cooperative-created")]
[JsonDerivedType(typeof(TopicAdded), "topic-added")]
[JsonDerivedType(typeof(MemberJoined), "member-joined")]
[JsonDerivedType(typeof(MemberRemoved), "member-removed")]
[JsonDerivedType(typeof(RoleChanged), "role-changed")]
[JsonDerivedType(typeof(SettingsChanged), "settings-changed")]
[JsonDerivedType(typeof(AppKeyIssued), "app-key-issued")]
[JsonDerivedType(typeof(AppKeyRevoked), "app-key-revoked")]
[JsonDerivedType(typeof(DelegationSet), "delegation-set")]
[JsonDerivedType(typeof(DelegationCleared), "delegation-cleared")]
[JsonDerivedType(typeof(ProposalRegistered), "proposal-registered")]
[JsonDerivedType(typeof(ProposalStatusChanged), "proposal-status-changed")]
public abstract record CooperativeEvent(DateTimeOffset At);

/// <summary>The founder joins as the first member, with the admin role.</summary>
public sealed record CooperativeCreated(DateTimeOffset At, string Name, IReadOnlyList<string> Topics, double Quorum, double Threshold, string FounderId)
    : CooperativeEvent(At);

/// <summary>A new topic; <paramref name="By"/> is the admin who added it, absent from events recorded before it was kept.</summary>
public sealed record TopicAdded(DateTimeOffset At, string Topic, string? By = null) : CooperativeEvent(At);

public sealed record MemberJoined(DateTimeOffset At, string MemberId, string? Name, string By) : CooperativeEvent(At);

public sealed record MemberRemoved(DateTimeOffset At, string MemberId, string By) : CooperativeEvent(At);

public sealed record RoleChanged(DateTimeOffset At, string MemberId, MemberRole Role, string By) : CooperativeEvent(At);

public sealed record SettingsChanged(DateTimeOffset At, bool MembersMayCreateProposals, string By) : CooperativeEvent(At);

public sealed record AppKeyIssued(DateTimeOffset At, string KeyId, string Name, IReadOnlyList<string> Scopes, string SecretHash, string By)
    : CooperativeEvent(At);

public sealed record AppKeyRevoked(DateTimeOffset At, string KeyId, string By) : CooperativeEvent(At);

/// <summary>A delegation at the default scope (no topic) or a topic scope. A null delegate is an explicit block.</summary>
public sealed record DelegationSet(DateTimeOffset At, string MemberId, string? Topic, string? DelegateId) : CooperativeEvent(At);

public sealed record DelegationCleared(DateTimeOffset At, string MemberId, string? Topic) : CooperativeEvent(At);

public sealed record ProposalRegistered(DateTimeOffset At, string ProposalId, string Title, string? Topic) : CooperativeEvent(At);

public sealed record ProposalStatusChanged(DateTimeOffset At, string ProposalId, DecisionStatus Status) : CooperativeEvent(At);
