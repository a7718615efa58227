using Governance.Api.Requests;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Proposals;

namespace Governance.Api.Endpoints;

/// <summary>Delegations at the three scopes. PUT is idempotent; DELETE removes the entry so the broader scope applies again.</summary>
public static class DelegationEndpoints
{
    public static void MapDelegationEndpoints(this RouteGroupBuilder v1)
    {
        var delegations = v1.MapGroup("/cooperatives/{cooperativeId}").WithTags("Delegations")
            .ProducesProblem(StatusCodes.Status404NotFound);

        delegations.MapGet("/members/{memberId}/delegations", (string cooperativeId, string memberId, IGrainFactory grains) =>
            grains.GetGrain<ICooperativeGrain>(cooperativeId).GetDelegations(memberId));

        delegations.MapPut("/members/{memberId}/delegations/default", async (string cooperativeId, string memberId, SetDelegationRequest request, IGrainFactory grains) =>
        {
            var cooperative = grains.GetGrain<ICooperativeGrain>(cooperativeId);
            await cooperative.SetDelegation(memberId, null, request.DelegateId);
            return await cooperative.GetDelegations(memberId);
        });

        delegations.MapDelete("/members/{memberId}/delegations/default", async (string cooperativeId, string memberId, IGrainFactory grains) =>
        {
            await grains.GetGrain<ICooperativeGrain>(cooperativeId).ClearDelegation(memberId, null);
            return TypedResults.NoContent();
        });

        delegations.MapPut("/members/{memberId}/delegations/topics/{topic}", async (string cooperativeId, string memberId, string topic, SetDelegationRequest request, IGrainFactory grains) =>
        {
            var cooperative = grains.GetGrain<ICooperativeGrain>(cooperativeId);
            await cooperative.SetDelegation(memberId, topic, request.DelegateId);
            return await cooperative.GetDelegations(memberId);
        });

        delegations.MapDelete("/members/{memberId}/delegations/topics/{topic}", async (string cooperativeId, string memberId, string topic, IGrainFactory grains) =>
        {
            await grains.GetGrain<ICooperativeGrain>(cooperativeId).ClearDelegation(memberId, topic);
            return TypedResults.NoContent();
        });

        delegations.MapPut("/proposals/{proposalId}/delegations/{memberId}", async (string cooperativeId, string proposalId, string memberId, SetDelegationRequest request, IGrainFactory grains) =>
        {
            await grains.GetGrain<IProposalGrain>(ProposalKey.Of(cooperativeId, proposalId)).SetDelegation(memberId, request.DelegateId);
            return new DelegationView(request.DelegateId);
        }).ProducesProblem(StatusCodes.Status409Conflict);

        delegations.MapDelete("/proposals/{proposalId}/delegations/{memberId}", async (string cooperativeId, string proposalId, string memberId, IGrainFactory grains) =>
        {
            await grains.GetGrain<IProposalGrain>(ProposalKey.Of(cooperativeId, proposalId)).ClearDelegation(memberId);
            return TypedResults.NoContent();
        }).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
