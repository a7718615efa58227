using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Retries;
using Governance.Api.Security;
using Governance.Api.Validation;
using Governance.Contracts.Decisions;
using Governance.Contracts.Proposals;
using Governance.Domain.Identifiers;

namespace Governance.Api.Endpoints;

public static class ProposalEndpoints
{
    /// <summary>What proposals share with every decision; their delegations are mapped with the others, under Delegations.</summary>
    internal static readonly DecisionRoutes<ProposalView> Routes = new("proposalId", "proposal", "Proposal", (grains, cooperativeId, proposalId) => grains.Proposal(cooperativeId, proposalId), decision => decision.ToProposalView());

    public static void MapProposalEndpoints(this RouteGroupBuilder v1)
    {
        var proposals = v1.MapGroup("/cooperatives/{cooperativeId}/proposals").WithTags("Proposals")
            .ProducesProblem(StatusCodes.Status404NotFound);

        proposals.MapPost("/", async (string cooperativeId, CreateProposalRequest request, ClaimsPrincipal user, GrainReferences grains) =>
        {
            var command = new CreateDecisionCommand(
                request.Id ?? ResourceId.New(), request.Title, request.Body, request.Topic, DecisionMethod.Majority, request.ClosesAt, user.RequireMemberId(),
                Quorum: request.Quorum, Threshold: request.Threshold);
            var proposal = (await grains.Cooperative(cooperativeId).CreateProposal(command)).ToProposalView();
            return TypedResults.Created($"/v1/cooperatives/{cooperativeId}/proposals/{proposal.Id}", proposal);
        }).RequireAccess(Access.Proposer).RetriedAsCreate(OwnCreates.Proposal).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateProposal")
            .WithSummary("Create a proposal")
            .WithDescription("Creates a proposal in discussion, with its topic, quorum, threshold and optional deadline; voting starts when an admin opens it.");

        proposals.MapGet("/", (string cooperativeId, string? status, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).ListProposals(QueryEnum.Parse<ProposalStatus>(status, "status", "invalid-status"), cursor, pages.Limit(limit)))
            .RequireAccess(Access.Reader)
            .WithName("ListProposals")
            .WithSummary("List the proposals")
            .WithDescription("Proposals by id, paged, optionally by status; changes nothing.");

        Routes.MapLifecycle(proposals);

        proposals.MapGet("/{proposalId}/tally", async (string cooperativeId, string proposalId, GrainReferences grains) =>
            (await grains.Proposal(cooperativeId, proposalId).GetResult()).ToTallyView())
            .RequireAccess(Access.Reader)
            .WithName("GetTally")
            .WithSummary("The proposal's tally")
            .WithDescription("Counts of yes, no and abstain with every delegation resolved, live while voting and frozen at close; changes nothing.");

        Routes.MapResultStream(proposals, "tally", "tally", "GetTallyStream", result => result.ToTallyView());
        Routes.MapAudit(proposals, "tally", result => result.ToTallyView());
    }
}
