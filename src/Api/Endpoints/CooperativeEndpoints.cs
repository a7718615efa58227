using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Retries;
using Governance.Api.Security;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Errors;
using Governance.Domain.Identifiers;
using Governance.Domain.Rules;
using Microsoft.Extensions.Options;

namespace Governance.Api.Endpoints;

public static class CooperativeEndpoints
{
    public static void MapCooperativeEndpoints(this RouteGroupBuilder v1)
    {
        var cooperatives = v1.MapGroup("/cooperatives").WithTags("Cooperatives");

        cooperatives.MapPost("/", async (CreateCooperativeRequest request, ClaimsPrincipal user, IOptions<GovernanceLimits> limits, GrainReferences grains) =>
        {
            var id = request.Id ?? ResourceId.New();
            var maxLength = limits.Value.MaxIdLength;

            // Checked here, not only in the grain: Orleans refuses an empty or blank key before the grain could answer.
            if (!ResourceId.IsValid(id, maxLength))
            {
                throw new GovernanceException(ErrorKind.Invalid, "invalid-id", $"'id' must be {ResourceId.Rule(maxLength)}.", "id");
            }

            var created = await grains.Cooperative(id)
                .Create(new CreateCooperativeCommand(request.Name, request.Topics, request.Quorum, request.Threshold, user.RequireMemberId()));
            return TypedResults.Created($"/v1/cooperatives/{created.Id}", created);
        }).RequireAccess(Access.Person).RetriedAsCreate(OwnCreates.Cooperative).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateCooperative")
            .WithSummary("Found a cooperative")
            .WithDescription("Creates the cooperative with the caller as its first member and admin.");

        cooperatives.MapGet("/{cooperativeId}", (string cooperativeId, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).Get())
            .RequireAccess(Access.Reader)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCooperative")
            .WithSummary("Read a cooperative")
            .WithDescription("Its name, topics, default quorum and threshold, member count and settings; changes nothing.");

        cooperatives.MapPut("/{cooperativeId}/settings", (string cooperativeId, ChangeSettingsRequest request, ClaimsPrincipal user, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).ChangeSettings(
                new CooperativeSettingsView(request.MembersMayCreateProposals
                    ?? throw new GovernanceException(ErrorKind.Invalid, "invalid-settings", "'membersMayCreateProposals' is required.", "membersMayCreateProposals")),
                user.RequireMemberId()))
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ChangeSettings")
            .WithSummary("Change the cooperative's settings")
            .WithDescription("Changes the settings named in the body (whether members may create proposals); a change is a settings.changed event.");

        cooperatives.MapPut("/{cooperativeId}/topics/{topic}", (string cooperativeId, string topic, ClaimsPrincipal user, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).AddTopic(topic, user.RequireMemberId()))
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddTopic")
            .WithSummary("Add a topic")
            .WithDescription("Adds a topic that proposals, polls and topic delegations may then name.");
    }
}
