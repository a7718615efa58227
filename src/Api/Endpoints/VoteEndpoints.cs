using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Validation;
using Governance.Contracts.Errors;

namespace Governance.Api.Endpoints;

/// <summary>Direct ballots. They are public to the cooperative, and a trace shows whose ballot carries a member's weight.</summary>
public static class VoteEndpoints
{
    public static void MapVoteEndpoints(this RouteGroupBuilder v1)
    {
        var votes = v1.MapGroup("/cooperatives/{cooperativeId}/proposals/{proposalId}/votes").WithTags("Votes")
            .ProducesProblem(StatusCodes.Status404NotFound);

        votes.MapPut("/{memberId}", (string cooperativeId, string proposalId, string memberId, CastVoteRequest request, GrainReferences grains) =>
            grains.Proposal(cooperativeId, proposalId).CastVote(
                memberId,
                request.Choice ?? throw new GovernanceException(ErrorKind.Invalid, "invalid-choice", "'choice' must be yes, no or abstain.", "choice")))
            .RequireAccess(Access.Self)
            .ProducesProblem(StatusCodes.Status409Conflict);

        votes.MapDelete("/{memberId}", async (string cooperativeId, string proposalId, string memberId, GrainReferences grains) =>
        {
            await grains.Proposal(cooperativeId, proposalId).WithdrawVote(memberId);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self).ProducesProblem(StatusCodes.Status409Conflict);

        votes.MapGet("/", (string cooperativeId, string proposalId, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.Proposal(cooperativeId, proposalId).ListBallots(cursor, pages.Limit(limit)))
            .RequireAccess(Access.Reader);

        votes.MapGet("/{memberId}/trace", (string cooperativeId, string proposalId, string memberId, GrainReferences grains) =>
            grains.Proposal(cooperativeId, proposalId).Trace(memberId))
            .RequireAccess(Access.Reader)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
