using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Retries;
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
            .RequireAccess(Access.Reader)
            .WithName("GetDelegations")
            .WithSummary("Read a member's delegations")
            .WithDescription("Their default delegate and one per topic; changes nothing.");

        delegations.MapPut("/members/{memberId}/delegations/default", async (string cooperativeId, string memberId, SetDelegationRequest request, GrainReferences grains) =>
        {
            var cooperative = grains.Cooperative(cooperativeId);
            await cooperative.SetDelegation(memberId, null, request.DelegateId);
            return await cooperative.GetDelegations(memberId);
        }).RequireAccess(Access.Self).RetriedWhenUnavailable()
            .WithName("SetDefaultDelegation")
            .WithSummary("Delegate by default")
            .WithDescription("Sets whom the member's vote follows where they neither vote nor delegate more specifically; a null delegateId is an explicit \"none\". Revocable at any time.");

        delegations.MapDelete("/members/{memberId}/delegations/default", async (string cooperativeId, string memberId, GrainReferences grains) =>
        {
            await grains.Cooperative(cooperativeId).ClearDelegation(memberId, null);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self).RetriedWhenUnavailable()
            .WithName("ClearDefaultDelegation")
            .WithSummary("Take back the default delegation")
            .WithDescription("The member's vote no longer follows anyone by default.");

        delegations.MapPut("/members/{memberId}/delegations/topics/{topic}", async (string cooperativeId, string memberId, string topic, SetDelegationRequest request, GrainReferences grains) =>
        {
            var cooperative = grains.Cooperative(cooperativeId);
            await cooperative.SetDelegation(memberId, topic, request.DelegateId);
            return await cooperative.GetDelegations(memberId);
        }).RequireAccess(Access.Self).RetriedWhenUnavailable()
            .WithName("SetTopicDelegation")
            .WithSummary("Delegate on a topic")
            .WithDescription("Sets whom the member's vote follows on decisions of this topic, over the default; a null delegateId is an explicit \"none\". Revocable at any time.");

        delegations.MapDelete("/members/{memberId}/delegations/topics/{topic}", async (string cooperativeId, string memberId, string topic, GrainReferences grains) =>
        {
            await grains.Cooperative(cooperativeId).ClearDelegation(memberId, topic);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self).RetriedWhenUnavailable()
            .WithName("ClearTopicDelegation")
            .WithSummary("Take back a topic delegation")
            .WithDescription("Decisions of the topic follow the default delegation again.");

        ProposalEndpoints.Routes.MapDelegations(delegations, prefix: "/proposals");
    }
}
