using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Contracts.Proposals;

namespace Governance.Api.Endpoints;

/// <summary>Delegations at the three scopes. PUT is idempotent; DELETE removes the entry so the broader scope applies again.</summary>
public static class DelegationEndpoints
{
    public static void MapDelegationEndpoints(this RouteGroupBuilder v1)
    {
        var delegations = v1.MapGroup("/cooperatives/{cooperativeId}").WithTags("Delegations")
            .ProducesProblem(StatusCodes.Status404NotFound);

        delegations.MapGet("/members/{memberId}/delegations", (string cooperativeId, string memberId, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).GetDelegations(memberId))
            .RequireAccess(Access.Reader);

        delegations.MapPut("/members/{memberId}/delegations/default", async (string cooperativeId, string memberId, SetDelegationRequest request, GrainReferences grains) =>
        {
            var cooperative = grains.Cooperative(cooperativeId);
            await cooperative.SetDelegation(memberId, null, request.DelegateId);
            return await cooperative.GetDelegations(memberId);
        }).RequireAccess(Access.Self);

        delegations.MapDelete("/members/{memberId}/delegations/default", async (string cooperativeId, string memberId, GrainReferences grains) =>
        {
            await grains.Cooperative(cooperativeId).ClearDelegation(memberId, null);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self);

        delegations.MapPut("/members/{memberId}/delegations/topics/{topic}", async (string cooperativeId, string memberId, string topic, SetDelegationRequest request, GrainReferences grains) =>
        {
            var cooperative = grains.Cooperative(cooperativeId);
            await cooperative.SetDelegation(memberId, topic, request.DelegateId);
            return await cooperative.GetDelegations(memberId);
        }).RequireAccess(Access.Self);

        delegations.MapDelete("/members/{memberId}/delegations/topics/{topic}", async (string cooperativeId, string memberId, string topic, GrainReferences grains) =>
        {
            await grains.Cooperative(cooperativeId).ClearDelegation(memberId, topic);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self);

        ProposalEndpoints.Routes.MapDelegations(delegations, prefix: "/proposals");
    }
}
