using Governance.Contracts.Tasks;
using Governance.Domain.Tasks;
using ContractStatus = Governance.Contracts.Tasks.TaskStatus;

namespace Governance.Grains.Tasks;

/// <summary>Maps the task domain onto the wire by name, so neither depends on the other's numbering.</summary>
public static class TaskMapping
{
    public static ContractStatus ToContract(this WorkTaskStatus status) => status switch
    {
        WorkTaskStatus.Open => ContractStatus.Open,
        WorkTaskStatus.Claimed => ContractStatus.Claimed,
        WorkTaskStatus.Completed => ContractStatus.Completed,
        WorkTaskStatus.Reviewed => ContractStatus.Reviewed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static WorkTaskStatus ToDomain(this ContractStatus status) => status switch
    {
        ContractStatus.Open => WorkTaskStatus.Open,
        ContractStatus.Claimed => WorkTaskStatus.Claimed,
        ContractStatus.Completed => WorkTaskStatus.Completed,
        ContractStatus.Reviewed => WorkTaskStatus.Reviewed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static TaskLinkView? ToContract(this TaskLink? link) =>
        link is null ? null : new TaskLinkView(link.ProposalId, link.PollId, link.ItemId);

    public static TaskLink? ToDomain(this TaskLinkView? link) =>
        link is null ? null : new TaskLink(link.ProposalId, link.PollId, link.ItemId);

    public static BoardTask ToBoardTask(this TaskSummaryView task, long version) =>
        new(task.Id, task.Title, task.RequiredSkills, task.EffortHours, task.Priority, task.DueAt, task.CreatedAt, task.Status.ToDomain(), task.ClaimedBy, version, task.Link.ToDomain());

    public static TaskSummaryView ToSummary(this BoardTask task) =>
        new(task.TaskId, task.Title, task.RequiredSkills, task.EffortHours, task.Priority, task.DueAt, task.Status.ToContract(), task.Holder, task.CreatedAt, task.Link.ToContract());

    public static TaskEventView ToView(this TaskEvent @event, int sequence) => @event switch
    {
        TaskCreated created => new(sequence, "created", created.At, created.By, null, null, null),
        TaskClaimed claimed => new(sequence, "claimed", claimed.At, claimed.By, null, null, claimed.ExpiresAt),
        ProgressPosted progress => new(sequence, "progress", progress.At, progress.By, progress.Note, null, progress.ExpiresAt),
        ClaimReleased released => new(sequence, "released", released.At, released.By, null, null, null),
        ClaimExpired expired => new(sequence, "claim-expired", expired.At, null, null, null, null),
        TaskCompleted completed => new(sequence, "completed", completed.At, completed.By, completed.Note, null, null),
        TaskReviewed reviewed => new(sequence, "reviewed", reviewed.At, reviewed.By, reviewed.Note, reviewed.Approved, reviewed.ExpiresAt),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, null),
    };
}
