using System.Text.Json.Serialization;

namespace Governance.Domain.Cooperatives;

/// <summary>A fact in a cooperative's log. The log is the audit trail; its type names are a durable contract.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CooperativeCreated), "cooperative-created")]
[JsonDerivedType(typeof(TopicAdded), "topic-added")]
[JsonDerivedType(typeof(MemberJoined), "member-joined")]
[JsonDerivedType(typeof(MemberRemoved), "member-removed")]
[JsonDerivedType(typeof(DelegationSet), "delegation-set")]
[JsonDerivedType(typeof(DelegationCleared), "delegation-cleared")]
[JsonDerivedType(typeof(ProposalRegistered), "proposal-registered")]
[JsonDerivedType(typeof(ProposalStatusChanged), "proposal-status-changed")]
public abstract record CooperativeEvent(DateTimeOffset At);

public sealed record CooperativeCreated(DateTimeOffset At, string Name, IReadOnlyList<string> Topics, double Quorum, double Threshold)
    : CooperativeEvent(At);

public sealed record TopicAdded(DateTimeOffset At, string Topic) : CooperativeEvent(At);

public sealed record MemberJoined(DateTimeOffset At, string MemberId, string? Name) : CooperativeEvent(At);

public sealed record MemberRemoved(DateTimeOffset At, string MemberId) : CooperativeEvent(At);

/// <summary>A delegation at the default scope (no topic) or a topic scope. A null delegate is an explicit block.</summary>
public sealed record DelegationSet(DateTimeOffset At, string MemberId, string? Topic, string? DelegateId) : CooperativeEvent(At);

public sealed record DelegationCleared(DateTimeOffset At, string MemberId, string? Topic) : CooperativeEvent(At);

public sealed record ProposalRegistered(DateTimeOffset At, string ProposalId, string Title, string? Topic) : CooperativeEvent(At);

public sealed record ProposalStatusChanged(DateTimeOffset At, string ProposalId, Proposals.ProposalStatus Status) : CooperativeEvent(At);
