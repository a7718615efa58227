namespace Governance.System.Tests.Feed;

/// <summary>
/// A command the API acknowledged, in the order of acknowledgement (<paramref name="Sequence"/>), with the event it
/// must produce. When earlier attempts failed, <paramref name="AcknowledgedAttemptStartedAt"/> tells whether one of
/// them was applied after all: then the event is older than the attempt that was acknowledged.
/// </summary>
public sealed record AcknowledgedCommand(long Sequence, ExpectedEvent Event, int FailedAttempts, DateTimeOffset AcknowledgedAttemptStartedAt);
