namespace Governance.System.Tests.Failover;

/// <summary>A request that was not acknowledged: when it ended, how long it took, and what came back (a status or "no reply").</summary>
public sealed record FailedAttempt(DateTimeOffset EndedAt, TimeSpan Took, string Outcome, bool Replied);
