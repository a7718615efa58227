using Governance.Contracts.Feed;
using Governance.Domain.Tasks;
using Governance.Grains.Feed;

namespace Governance.Grains.Tasks;

/// <summary>A task's events as feed events; progress notes stay in the task's own history.</summary>
internal static class TaskFeedItems
{
    public static FeedItem? ToFeedItem(long version, TaskEvent @event, string taskId)
    {
        FeedItem Item(string type, object data) => FeedItems.Of(version, type, taskId, @event.At, data);

        return @event switch
        {
            TaskCreated created => Item(
                FeedEventTypes.TaskCreated,
                new
                {
                    taskId,
                    title = created.Title,
                    description = created.Description,
                    requiredSkills = created.RequiredSkills,
                    effortHours = created.EffortHours,
                    dueAt = created.DueAt,
                    link = created.Link,
                    priority = created.Priority,
                    by = created.By,
                }),
            TaskClaimed claimed => Item(FeedEventTypes.TaskClaimed, new { taskId, expiresAt = claimed.ExpiresAt, by = claimed.By }),
            ClaimReleased released => Item(FeedEventTypes.TaskReleased, new { taskId, by = released.By }),
            ClaimExpired expired => Item(FeedEventTypes.TaskExpired, new { taskId, claimedBy = expired.ClaimedBy, by = (string?)null }),
            TaskCompleted completed => Item(FeedEventTypes.TaskCompleted, new { taskId, note = completed.Note, by = completed.By }),
            TaskReviewed reviewed => Item(
                FeedEventTypes.TaskReviewed, new { taskId, approved = reviewed.Approved, note = reviewed.Note, by = reviewed.By }),
            _ => null,
        };
    }
}
