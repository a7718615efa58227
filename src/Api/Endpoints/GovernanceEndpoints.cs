namespace Governance.Api.Endpoints;

public static class GovernanceEndpoints
{
    /// <summary>Every route lives under /v1.</summary>
    public static IEndpointRouteBuilder MapGovernanceEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapCooperativeEndpoints();
        v1.MapMemberEndpoints();
        v1.MapMemberImportEndpoints();
        v1.MapAppKeyEndpoints();
        v1.MapDelegationEndpoints();
        v1.MapProposalEndpoints();
        v1.MapVoteEndpoints();
        v1.MapPriorityEndpoints();
        v1.MapTaskEndpoints();
        v1.MapVolunteerEndpoints();
        v1.MapFeedEndpoints();
        v1.MapStreamTicketEndpoints();
        v1.MapWebhookEndpoints();
        return app;
    }
}
