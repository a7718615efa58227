using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Retries;
using Governance.Api.Validation;
using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;

namespace Governance.Api.Endpoints;

/// <summary>Direct ballots. They are public to the cooperative, and a trace shows whose ballot carries a member's weight.</summary>
public static class VoteEndpoints
{
    public static void MapVoteEndpoints(this RouteGroupBuilder v1)
    {
        var votes = v1.MapGroup("/cooperatives/{cooperativeId}/proposals/{proposalId}/votes").WithTags("Votes")
            .ProducesProblem(StatusCodes.Status404NotFound);

        votes.MapPut("/{memberId}", async (string cooperativeId, string proposalId, string memberId, CastVoteRequest request, GrainReferences grains) =>
            {
                var choice = request.Choice ?? throw new GovernanceException(ErrorKind.Invalid, "invalid-choice", "'choice' must be yes, no or abstain.", "choice");
                return (await grains.Proposal(cooperativeId, proposalId).CastBallot(memberId, new DecisionBallotMarks(choice))).ToBallotView();
            })
            .RequireAccess(Access.Self)
            .RetriedWhenUnavailable()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CastVote")
            .WithSummary("Vote, or change your vote")
            .WithDescription("Casts the member's own ballot, which overrides any delegation of theirs on this proposal while it stands.");

        votes.MapDelete("/{memberId}", async (string cooperativeId, string proposalId, string memberId, GrainReferences grains) =>
        {
            await grains.Proposal(cooperativeId, proposalId).WithdrawBallot(memberId);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self).RetriedWhenUnavailable().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WithdrawVote")
            .WithSummary("Withdraw your vote")
            .WithDescription("Removes the member's ballot; their delegations count again.");

        votes.MapGet("/", async (string cooperativeId, string proposalId, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            (await grains.Proposal(cooperativeId, proposalId).ListBallots(cursor, pages.Limit(limit))).Map(ballot => ballot.ToBallotView()))
            .RequireAccess(Access.Reader)
            .WithName("ListVotes")
            .WithSummary("List the direct votes")
            .WithDescription("Ballots cast directly, by member id, paged; changes nothing.");

        votes.MapGet("/{memberId}/trace", (string cooperativeId, string proposalId, string memberId, GrainReferences grains) =>
            grains.Proposal(cooperativeId, proposalId).Trace(memberId))
            .RequireAccess(Access.Reader)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("TraceVote")
            .WithSummary("Trace a member's vote")
            .WithDescription("Whose ballot carries the member's vote, and the chain of delegations that leads there; changes nothing.");
    }
}
