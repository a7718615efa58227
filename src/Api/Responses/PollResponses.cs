using Governance.Contracts.Decisions;
using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;

namespace Governance.Api.Responses;

/// <summary>A ranking decision as the priority routes show it: the decision's own scope is the poll's.</summary>
public static class PollResponses
{
    public static PriorityPollView ToPollView(this DecisionView decision)
    {
        var method = decision.Method.ToPriorityMethod();
        return new PriorityPollView(
            decision.Id,
            decision.CooperativeId,
            decision.Title,
            decision.Body,
            decision.Topic,
            method,
            method == PriorityMethod.Score ? decision.Parameter : null,
            method == PriorityMethod.Quadratic ? decision.Parameter : null,
            method == PriorityMethod.Dot ? decision.Parameter : null,
            decision.Items!,
            decision.Status.ToPollStatus(),
            decision.CreatedAt,
            decision.OpenedAt,
            decision.ClosesAt,
            decision.ClosedAt,
            decision.CreatedBy,
            decision.OpenedBy,
            decision.ClosedBy);
    }

    public static PriorityResultView ToPriorityResultView(this DecisionResultView result) =>
        new(result.Status.ToPollStatus(), result.Method.ToPriorityMethod(), result.Eligible, result.Participation, result.Ranking!, result.Schulze);

    public static PriorityBallotView ToPriorityBallotView(this DecisionBallotView ballot) =>
        new(ballot.MemberId, ballot.CastAt, ballot.Marks.Ranking, ballot.Marks.Approved, ballot.Marks.Allocations);

    public static WeightedBallotView ToWeightedBallotView(this DecisionBallotView ballot) =>
        new(ballot.MemberId, ballot.CastAt, ballot.Weight!.Value, ballot.Marks.Ranking, ballot.Marks.Approved, ballot.Marks.Allocations);

    public static PriorityTraceView ToPriorityTraceView(this VoteTraceView trace) =>
        new(
            trace.MemberId,
            trace.Counted,
            trace.CarriedBy,
            [.. trace.Chain.Select(hop => new PriorityTraceHopView(hop.From, hop.To, hop.Scope.ToPollScope()))],
            trace.LostReason);

    private static PriorityDelegationScope ToPollScope(this DelegationScope scope) => scope switch
    {
        DelegationScope.Default => PriorityDelegationScope.Default,
        DelegationScope.Topic => PriorityDelegationScope.Topic,
        DelegationScope.Proposal => PriorityDelegationScope.Poll,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };
}
