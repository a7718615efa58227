using System.Text.Json.Serialization;

namespace Governance.Domain.Members;

/// <summary>A fact in a person's log: the cooperatives they joined and left, and the skills and hours they offer.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MembershipStarted), "membership-started")]
[JsonDerivedType(typeof(MembershipEnded), "membership-ended")]
[JsonDerivedType(typeof(AvailabilitySet), "availability-set")]
public abstract record MemberEvent(DateTimeOffset At);

public sealed record MembershipStarted(DateTimeOffset At, string CooperativeId, string? Name) : MemberEvent(At);

public sealed record MembershipEnded(DateTimeOffset At, string CooperativeId) : MemberEvent(At);

public sealed record AvailabilitySet(DateTimeOffset At, IReadOnlyList<string> Skills, int WeeklyCapacityHours) : MemberEvent(At);
