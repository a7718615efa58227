using Governance.Contracts.Decisions;
using Governance.Contracts.Proposals;

namespace Governance.Api.Responses;

/// <summary>A majority decision as the proposal routes show it.</summary>
public static class ProposalResponses
{
    public static ProposalView ToProposalView(this DecisionView decision) =>
        new(
            decision.Id,
            decision.CooperativeId,
            decision.Title,
            decision.Body,
            decision.Topic,
            decision.Status.ToProposalStatus(),
            decision.CreatedAt,
            decision.OpenedAt,
            decision.ClosesAt,
            decision.ClosedAt,
            decision.Quorum,
            decision.Threshold,
            decision.Outcome,
            decision.CreatedBy,
            decision.OpenedBy,
            decision.ClosedBy);

    public static TallyView ToTallyView(this DecisionResultView result) =>
        new(result.Status.ToProposalStatus(), result.Eligible, result.Participation, result.Counts!, result.QuorumReached, result.Outcome);

    public static BallotView ToBallotView(this DecisionBallotView ballot) => new(ballot.MemberId, ballot.Marks.Choice!.Value, ballot.CastAt);
}
