using System.Security.Claims;
using Governance.Api.Audit;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Retries;
using Governance.Api.Security;
using Governance.Api.Streams;
using Governance.Api.Validation;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using FromHeaderAttribute = Microsoft.AspNetCore.Mvc.FromHeaderAttribute;

namespace Governance.Api.Endpoints;

/// <summary>
/// The routes every kind of decision shares, mapped once per kind: read it and its own events, open and close it, and
/// set or clear a member's delegation for it. The decision's id is the route value the kind names ("proposalId" or
/// "pollId"), the manual calls it by its noun ("proposal" or "poll"), and operation names by its kind ("Proposal" or
/// "PriorityPoll", as in GetProposal).
/// </summary>
internal sealed class DecisionRoutes<TView>(
    string idParameter, string noun, string kind, Func<GrainReferences, string, string, IDecisionGrain> grain, Func<DecisionView, TView> view)
{
    private string Id => $"{{{idParameter}}}";

    public void MapLifecycle(RouteGroupBuilder decisions)
    {
        decisions.MapGet($"/{Id}", async (string cooperativeId, HttpContext context, GrainReferences grains) =>
            view(await Decision(grains, cooperativeId, context).Get()))
            .RequireAccess(Access.Reader)
            .WithName($"Get{kind}")
            .WithSummary($"Read a {noun}")
            .WithDescription($"The {noun}, its rule and its status; changes nothing.");

        decisions.MapGet($"/{Id}/events", async (string cooperativeId, string? after, int? limit, HttpContext context, PageRequests pages, GrainReferences grains) =>
            FeedPageResponse.From(await Decision(grains, cooperativeId, context).ListEvents(after, pages.Limit(limit))))
            .RequireAccess(Access.Reader)
            .WithName($"List{kind}Events")
            .WithSummary($"The {noun}'s own events")
            .WithDescription($"The {noun}'s log as CloudEvents, the same events with the same ids as in the cooperative's feed, paged by after and limit; nextCursor is always set. Changes nothing.");

        decisions.MapPost($"/{Id}/open", async (string cooperativeId, HttpContext context, ClaimsPrincipal user, GrainReferences grains) =>
            view(await Decision(grains, cooperativeId, context).Open(user.RequireMemberId())))
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName($"Open{kind}")
            .WithSummary($"Open the {noun} for voting")
            .WithDescription("Voting starts; members vote or delegate until it closes, by request or at its deadline.");

        decisions.MapPost($"/{Id}/close", async (string cooperativeId, HttpContext context, ClaimsPrincipal user, GrainReferences grains) =>
            view(await Decision(grains, cooperativeId, context).Close(user.RequireMemberId())))
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName($"Close{kind}")
            .WithSummary($"Close the {noun}")
            .WithDescription("Voting ends and the result is frozen, with the delegations it was counted under.");
    }

    /// <summary>
    /// Maps "{id}/{read}/stream": the live form of the plain read "{id}/{read}", as <paramref name="eventName"/>
    /// messages whose data is exactly that read's body.
    /// </summary>
    public void MapResultStream(RouteGroupBuilder decisions, string read, string eventName, string operationName, Func<DecisionResultView, object> body)
    {
        decisions.MapGet($"/{Id}/{read}/stream", (string cooperativeId, [FromHeader(Name = ServerSentEventWriter.LastEventIdHeader)] string? lastEventId, HttpContext context, GrainReferences grains) =>
            ResultStream.ServeAsync(context, $"{noun}/{cooperativeId}/{context.GetRouteValue(idParameter)}", Decision(grains, cooperativeId, context), lastEventId, eventName, body))
            .RequireAccess(Access.Reader)
            .WithName(operationName)
            .Produces<Stream>(StatusCodes.Status200OK, ServerSentEventWriter.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary($"The {noun}'s {read}, live")
            .WithDescription(
                $"A text/event-stream of \"{eventName}\" messages, each one's data exactly the body of GET .../{read}: the current one first, then each change " +
                "(votes, withdrawals and delegations at every scope), at most four a second. Each id is the result's version; reconnecting with " +
                "Last-Event-ID skips a result already seen. After the close, the final result is the last message and the stream ends. A heartbeat " +
                "comment comes every 15 seconds. A browser's EventSource, which cannot send a header, passes a stream ticket as ?ticket=. Changes nothing.");
    }

    /// <summary>
    /// Maps "{id}/audit": the closed decision as one self-contained record, whose result is the body of
    /// "{id}/<paramref name="resultRoute"/>", which <paramref name="resultBody"/> makes.
    /// </summary>
    public void MapAudit(RouteGroupBuilder decisions, string resultRoute, Func<DecisionResultView, object> resultBody)
    {
        decisions.MapGet($"/{Id}/audit", async (string cooperativeId, HttpContext context, IOptions<JsonOptions> json, GrainReferences grains) =>
        {
            var audit = await Decision(grains, cooperativeId, context).GetAudit();
            return AuditRecords.Build(audit, noun, resultBody(audit.Result), json.Value.SerializerOptions);
        })
            .RequireAccess(Access.Reader)
            .WithName($"Get{kind}Audit")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary($"The closed {noun}'s audit record")
            .WithDescription(
                $"The {noun} once closed as one self-contained record: its rule, the eligible member ids, every delegation counted at the default, " +
                $"topic and {noun} scopes (a null delegate is an explicit \"none\"), every ballot, the result exactly as .../{resultRoute} answers it, " +
                "and a digest, sha256 over the record's canonical form without the digest (RFC 8785; see docs/audit.md). " +
                $"tools/Verify recounts it from the record alone. 409 ({noun}-not-closed) until it closes. Changes nothing.");
    }

    /// <summary>Maps "{prefix}/{id}/delegations/{memberId}" on <paramref name="group"/>.</summary>
    public void MapDelegations(RouteGroupBuilder group, string prefix)
    {
        group.MapPut($"{prefix}/{Id}/delegations/{{memberId}}", async (string cooperativeId, string memberId, HttpContext context, SetDelegationRequest request, GrainReferences grains) =>
        {
            await Decision(grains, cooperativeId, context).SetDelegation(memberId, request.DelegateId);
            return new DelegationView(request.DelegateId);
        }).RequireAccess(Access.Self).RetriedWhenUnavailable().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName($"Set{kind}Delegation")
            .WithSummary($"Delegate on this {noun}")
            .WithDescription($"Sets whom the member's vote follows on this {noun} alone, over topic and default delegations; a null delegateId is an explicit \"none\". Revocable at any time.");

        group.MapDelete($"{prefix}/{Id}/delegations/{{memberId}}", async (string cooperativeId, string memberId, HttpContext context, GrainReferences grains) =>
        {
            await Decision(grains, cooperativeId, context).ClearDelegation(memberId);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self).RetriedWhenUnavailable().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName($"Clear{kind}Delegation")
            .WithSummary($"Take back the delegation on this {noun}")
            .WithDescription($"The member's vote on this {noun} follows their topic or default delegation again.");
    }

    private IDecisionGrain Decision(GrainReferences grains, string cooperativeId, HttpContext context) =>
        grain(grains, cooperativeId, (string)context.GetRouteValue(idParameter)!);
}
