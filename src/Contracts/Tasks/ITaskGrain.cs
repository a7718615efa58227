using Governance.Contracts.Feed;
using Governance.Contracts.Paging;

namespace Governance.Contracts.Tasks;

/// <summary>One task: its lifecycle, its claim and the claim's expiry, and its history. Key: "{cooperativeId}/{taskId}".</summary>
[Alias("Governance.ITaskGrain")]
public interface ITaskGrain : IFeedSource
{
    /// <summary>Creates the task once its link checks out; its board calls this and then lists the task.</summary>
    [Alias("Create")]
    Task<TaskView> Create(CreateTaskCommand command);

    [Alias("Get")]
    Task<TaskView> Get();

    [Alias("Claim")]
    Task<TaskView> Claim(string memberId);

    /// <summary>The claimant reports progress, which keeps the claim from expiring.</summary>
    [Alias("PostProgress")]
    Task<TaskView> PostProgress(string memberId, string? note);

    [Alias("Release")]
    Task<TaskView> Release(string memberId);

    [Alias("Complete")]
    Task<TaskView> Complete(string memberId, string? note);

    /// <summary>Another member than the one who did the work approves it, or rejects it back to them.</summary>
    [Alias("Review")]
    Task<TaskView> Review(string memberId, bool approved, string? note);

    [Alias("ListEvents")]
    Task<Page<TaskEventView>> ListEvents(string? cursor, int limit);
}
