using Microsoft.Extensions.Logging;

namespace Governance.Grains.Tasks;

internal static partial class TaskLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Could not report task {TaskKey} to its board.")]
    public static partial void BoardReportFailed(this ILogger logger, Exception exception, string taskKey);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "The claim on task {TaskKey} expired.")]
    public static partial void ClaimExpired(this ILogger logger, string taskKey);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Could not update the expiry reminder of task {TaskKey}; it corrects itself when it fires.")]
    public static partial void ReminderUpdateFailed(this ILogger logger, Exception exception, string taskKey);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Could not report the availability of {MemberId} to the task board of {CooperativeId}.")]
    public static partial void VolunteerReportFailed(this ILogger logger, Exception exception, string memberId, string cooperativeId);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Could not read the current priorities of poll {PollId} for the task board of {CooperativeId}; its tasks keep the priority they were created with.")]
    public static partial void PollPrioritiesUnavailable(this ILogger logger, Exception exception, string cooperativeId, string pollId);
}
