using Governance.Api.Validation;

namespace Governance.Api.Endpoints;

public static class GovernanceEndpoints
{
    /// <summary>Every route lives under /v1, behind the path id check.</summary>
    public static IEndpointRouteBuilder MapGovernanceEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").AddEndpointFilter<RouteIdFilter>().ProducesProblem(StatusCodes.Status400BadRequest);
        v1.MapCooperativeEndpoints();
        v1.MapMemberEndpoints();
        v1.MapDelegationEndpoints();
        v1.MapProposalEndpoints();
        v1.MapVoteEndpoints();
        return app;
    }
}
