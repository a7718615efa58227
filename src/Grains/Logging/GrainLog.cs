using Microsoft.Extensions.Logging;

namespace Governance.Grains.Logging;

internal static partial class GrainLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Append to {StreamId} failed; the grain will reload from its log.")]
    public static partial void AppendFailed(this ILogger logger, Exception exception, string streamId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Snapshot of {StreamId} at version {Version} failed.")]
    public static partial void SnapshotFailed(this ILogger logger, Exception exception, string streamId, long version);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not update the memberships of {MemberId} in {CooperativeId}.")]
    public static partial void MembershipIndexFailed(this ILogger logger, Exception exception, string memberId, string cooperativeId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{Decision} {DecisionKey} closed at its deadline.")]
    public static partial void ClosedAtDeadline(this ILogger logger, string decision, string decisionKey);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Could not record the status of {Decision} {DecisionKey} in its cooperative's index.")]
    public static partial void StatusIndexFailed(this ILogger logger, Exception exception, string decision, string decisionKey);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Could not remove the deadline reminder of closed {Decision} {DecisionKey}; it will remove itself when it fires.")]
    public static partial void ReminderRemovalFailed(this ILogger logger, Exception exception, string decision, string decisionKey);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Audit: {Action} {Subject} in cooperative {CooperativeId} by {By}.")]
    public static partial void Audit(this ILogger logger, string action, string subject, string cooperativeId, string by);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Audit: role-changed {MemberId} to {Role} in cooperative {CooperativeId} by {By}.")]
    public static partial void AuditRoleChanged(this ILogger logger, string memberId, Contracts.Cooperatives.MemberRole role, string cooperativeId, string by);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Audit: settings-changed in cooperative {CooperativeId} (membersMayCreateProposals {MembersMayCreateProposals}) by {By}.")]
    public static partial void AuditSettingsChanged(this ILogger logger, string cooperativeId, bool membersMayCreateProposals, string by);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Could not tell {Decision} that {MemberId} left {CooperativeId}; it records the departure when it next reads the roster.")]
    public static partial void DepartureNoticeFailed(this ILogger logger, Exception exception, string decision, string memberId, string cooperativeId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Could not reconcile the feed of {CooperativeId} with its sources' logs; it tries again at the next interval.")]
    public static partial void FeedReconcileFailed(this ILogger logger, Exception exception, string cooperativeId);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Could not count the live result of {Decision} {DecisionKey} for its watchers; it tries again at the next interval.")]
    public static partial void LiveResultFailed(this ILogger logger, Exception exception, string decision, string decisionKey);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Could not read the log of {StreamId} to activate; the request fails as temporarily unavailable and the next one tries again.")]
    public static partial void ActivationReadFailed(this ILogger logger, Exception exception, string streamId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "The snapshot of {StreamId} at version {Version} could not be read; the state is rebuilt from the whole log.")]
    public static partial void SnapshotUnreadable(this ILogger logger, Exception exception, string streamId, long version);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Could not tell the people imported into {CooperativeId} of their membership; the catch-up runs again at its next reminder.")]
    public static partial void PersonIndexCatchUpFailed(this ILogger logger, Exception exception, string cooperativeId);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "The people imported into {CooperativeId} know of their membership: {Told} told in {Seconds:F1} s.")]
    public static partial void PersonIndexCaughtUp(this ILogger logger, string cooperativeId, long told, double seconds);
}
