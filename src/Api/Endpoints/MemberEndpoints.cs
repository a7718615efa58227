using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Validation;
using Governance.Contracts.Cooperatives;

namespace Governance.Api.Endpoints;

public static class MemberEndpoints
{
    public static void MapMemberEndpoints(this RouteGroupBuilder v1)
    {
        var members = v1.MapGroup("/cooperatives/{cooperativeId}/members").WithTags("Members")
            .ProducesProblem(StatusCodes.Status404NotFound);

        members.MapPost("/", async (string cooperativeId, AddMemberRequest request, GrainReferences grains) =>
        {
            var member = await grains.Cooperative(cooperativeId).AddMember(request.Id, request.Name);
            return TypedResults.Created($"/v1/cooperatives/{cooperativeId}/members/{member.Id}", member);
        }).ProducesProblem(StatusCodes.Status409Conflict);

        members.MapGet("/", (string cooperativeId, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).ListMembers(cursor, pages.Limit(limit)));

        members.MapGet("/{memberId}", (string cooperativeId, string memberId, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).GetMember(memberId));

        members.MapDelete("/{memberId}", async (string cooperativeId, string memberId, GrainReferences grains) =>
        {
            await grains.Cooperative(cooperativeId).RemoveMember(memberId);
            return TypedResults.NoContent();
        });
    }
}
