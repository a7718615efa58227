using Microsoft.Extensions.Logging;

namespace Governance.Grains.Priorities;

internal static partial class PriorityLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Priority poll {PollKey} closed at its deadline.")]
    public static partial void PollClosedAtDeadline(this ILogger logger, string pollKey);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Could not record the status of priority poll {PollKey} in its cooperative's index.")]
    public static partial void PollStatusIndexFailed(this ILogger logger, Exception exception, string pollKey);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Could not remove the deadline reminder of closed priority poll {PollKey}; it will remove itself when it fires.")]
    public static partial void PollReminderRemovalFailed(this ILogger logger, Exception exception, string pollKey);
}
