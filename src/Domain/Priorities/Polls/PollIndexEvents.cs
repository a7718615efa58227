using System.Text.Json.Serialization;
using Governance.Domain.Decisions;

namespace Governance.Domain.Priorities.Polls;

/// <summary>A fact in the log of a cooperative's poll index.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PollRegistered), "poll-registered")]
[JsonDerivedType(typeof(PollStatusChanged), "poll-status-changed")]
public abstract record PollIndexEvent(DateTimeOffset At);

/// <summary>A poll was created; <paramref name="At"/> is its creation time.</summary>
public sealed record PollRegistered(DateTimeOffset At, string PollId, string Title, string? Topic, CountingMethod Method) : PollIndexEvent(At);

public sealed record PollStatusChanged(DateTimeOffset At, string PollId, DecisionStatus Status) : PollIndexEvent(At);
