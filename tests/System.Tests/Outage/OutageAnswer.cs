namespace Governance.System.Tests.Outage;

/// <summary>One answer the API gave: to a vote or a read, when it was asked, how long it took, its status (0 for no reply) and whether a 503 said when to retry.</summary>
public sealed record OutageAnswer(bool IsWrite, DateTimeOffset StartedAt, TimeSpan Took, int Status, bool HasRetryAfter)
{
    public DateTimeOffset EndedAt => StartedAt + Took;
}
