using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;

namespace Governance.Contracts.Decisions;

/// <summary>A decision's status as the proposal and priority routes name it: the same three statuses.</summary>
public static class DecisionStatuses
{
    public static ProposalStatus ToProposalStatus(this DecisionStatus status) => status switch
    {
        DecisionStatus.Discussion => ProposalStatus.Discussion,
        DecisionStatus.Voting => ProposalStatus.Voting,
        DecisionStatus.Closed => ProposalStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static PriorityPollStatus ToPollStatus(this DecisionStatus status) => status switch
    {
        DecisionStatus.Discussion => PriorityPollStatus.Discussion,
        DecisionStatus.Voting => PriorityPollStatus.Voting,
        DecisionStatus.Closed => PriorityPollStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
