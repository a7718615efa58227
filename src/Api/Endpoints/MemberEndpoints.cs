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

        members.MapPost("/", async (string cooperativeId, AddMemberRequest request, IGrainFactory grains) =>
        {
            var member = await grains.GetGrain<ICooperativeGrain>(cooperativeId).AddMember(request.Id, request.Name);
            return TypedResults.Created($"/v1/cooperatives/{cooperativeId}/members/{member.Id}", member);
        }).ProducesProblem(StatusCodes.Status409Conflict);

        members.MapGet("/", (string cooperativeId, string? cursor, int? limit, PageRequests pages, IGrainFactory grains) =>
            grains.GetGrain<ICooperativeGrain>(cooperativeId).ListMembers(cursor, pages.Limit(limit)));

        members.MapGet("/{memberId}", (string cooperativeId, string memberId, IGrainFactory grains) =>
            grains.GetGrain<ICooperativeGrain>(cooperativeId).GetMember(memberId));

        members.MapDelete("/{memberId}", async (string cooperativeId, string memberId, IGrainFactory grains) =>
        {
            await grains.GetGrain<ICooperativeGrain>(cooperativeId).RemoveMember(memberId);
            return TypedResults.NoContent();
        });
    }
}
