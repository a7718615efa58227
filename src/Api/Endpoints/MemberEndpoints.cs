using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Retries;
using Governance.Api.Security;
using Governance.Api.Validation;
using Governance.Contracts.Errors;

namespace Governance.Api.Endpoints;

public static class MemberEndpoints
{
    public static void MapMemberEndpoints(this RouteGroupBuilder v1)
    {
        var members = v1.MapGroup("/cooperatives/{cooperativeId}/members").WithTags("Members")
            .ProducesProblem(StatusCodes.Status404NotFound);

        members.MapPost("/", async (string cooperativeId, AddMemberRequest request, ClaimsPrincipal user, GrainReferences grains) =>
        {
            var member = await grains.Cooperative(cooperativeId).AddMember(request.Id, request.Name, user.RequireMemberId());
            return TypedResults.Created($"/v1/cooperatives/{cooperativeId}/members/{member.Id}", member);
        }).RequireAccess(Access.Admin).RetriedAsCreate(OwnCreates.Member).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddMember")
            .WithSummary("Add a member")
            .WithDescription("Adds the member, with an optional name, in the role of member; an id already in the cooperative is a 409.");

        members.MapGet("/", (string cooperativeId, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).ListMembers(cursor, pages.Limit(limit)))
            .RequireAccess(Access.Reader)
            .WithName("ListMembers")
            .WithSummary("List the members")
            .WithDescription("Members by id, paged; changes nothing.");

        members.MapGet("/{memberId}", (string cooperativeId, string memberId, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).GetMember(memberId))
            .RequireAccess(Access.Reader)
            .WithName("GetMember")
            .WithSummary("Read a member")
            .WithDescription("The member's name, role and when they joined; changes nothing.");

        members.MapPut("/{memberId}/role", (string cooperativeId, string memberId, SetRoleRequest request, ClaimsPrincipal user, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).SetRole(
                memberId,
                request.Role ?? throw new GovernanceException(ErrorKind.Invalid, "invalid-role", "'role' must be admin or member.", "role"),
                user.RequireMemberId()))
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetRole")
            .WithSummary("Change a member's role")
            .WithDescription("Makes the member an admin or a member; the last admin cannot stop being one.");

        // A member may leave; an admin may remove anyone. The last admin can do neither to themselves (409).
        members.MapDelete("/{memberId}", async (string cooperativeId, string memberId, ClaimsPrincipal user, GrainReferences grains) =>
        {
            await grains.Cooperative(cooperativeId).RemoveMember(memberId, user.RequireMemberId());
            return TypedResults.NoContent();
        }).RequireAccess(Access.SelfOrAdmin).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RemoveMember")
            .WithSummary("Leave, or remove a member")
            .WithDescription("Ends the membership: the member's ballots on open decisions are withdrawn, and delegations from or to them end. The last admin cannot leave.");
    }
}
