using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Security;
using Governance.Api.Validation;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;

namespace Governance.Api.Endpoints;

/// <summary>
/// The routes every kind of decision shares, mapped once per kind: read it and its own events, open and close it, and set or clear a
/// member's delegation for it. The decision's id is the route value the kind names ("proposalId" or "pollId").
/// </summary>
internal sealed class DecisionRoutes<TView>(
    string idParameter, Func<GrainReferences, string, string, IDecisionGrain> grain, Func<DecisionView, TView> view)
{
    private string Id => $"{{{idParameter}}}";

    public void MapLifecycle(RouteGroupBuilder decisions)
    {
        decisions.MapGet($"/{Id}", async (string cooperativeId, HttpContext context, GrainReferences grains) =>
            view(await Decision(grains, cooperativeId, context).Get()))
            .RequireAccess(Access.Reader);

        decisions.MapGet($"/{Id}/events", async (string cooperativeId, string? after, int? limit, HttpContext context, PageRequests pages, GrainReferences grains) =>
            FeedPageResponse.From(await Decision(grains, cooperativeId, context).ListEvents(after, pages.Limit(limit))))
            .RequireAccess(Access.Reader);

        decisions.MapPost($"/{Id}/open", async (string cooperativeId, HttpContext context, ClaimsPrincipal user, GrainReferences grains) =>
            view(await Decision(grains, cooperativeId, context).Open(user.RequireMemberId())))
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict);

        decisions.MapPost($"/{Id}/close", async (string cooperativeId, HttpContext context, ClaimsPrincipal user, GrainReferences grains) =>
            view(await Decision(grains, cooperativeId, context).Close(user.RequireMemberId())))
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Maps "{prefix}/{id}/delegations/{memberId}" on <paramref name="group"/>.</summary>
    public void MapDelegations(RouteGroupBuilder group, string prefix)
    {
        group.MapPut($"{prefix}/{Id}/delegations/{{memberId}}", async (string cooperativeId, string memberId, HttpContext context, SetDelegationRequest request, GrainReferences grains) =>
        {
            await Decision(grains, cooperativeId, context).SetDelegation(memberId, request.DelegateId);
            return new DelegationView(request.DelegateId);
        }).RequireAccess(Access.Self).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapDelete($"{prefix}/{Id}/delegations/{{memberId}}", async (string cooperativeId, string memberId, HttpContext context, GrainReferences grains) =>
        {
            await Decision(grains, cooperativeId, context).ClearDelegation(memberId);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private IDecisionGrain Decision(GrainReferences grains, string cooperativeId, HttpContext context) =>
        grain(grains, cooperativeId, (string)context.GetRouteValue(idParameter)!);
}
