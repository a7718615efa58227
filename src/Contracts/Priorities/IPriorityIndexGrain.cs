using Governance.Contracts.Decisions;
using Governance.Contracts.Paging;

namespace Governance.Contracts.Priorities;

/// <summary>A cooperative's priority polls in creation order, with their statuses. Key: the cooperative id.</summary>
[Alias("Governance.IPriorityIndexGrain")]
public interface IPriorityIndexGrain : IGrainWithStringKey
{
    /// <summary>Creates the poll and lists it; an id already listed is a conflict.</summary>
    [Alias("CreatePoll")]
    Task<DecisionView> CreatePoll(CreateDecisionCommand command);

    [Alias("ListPolls")]
    Task<Page<PriorityPollSummaryView>> ListPolls(PriorityPollStatus? status, string? cursor, int limit);

    /// <summary>Tells every poll not yet closed that the member left the cooperative.</summary>
    [Alias("MemberLeft")]
    Task MemberLeft(string memberId);

    /// <summary>Records a poll's new status, so that listing by status needs no call per poll.</summary>
    [Alias("PollStatusChanged")]
    Task PollStatusChanged(string pollId, DecisionStatus status);
}
