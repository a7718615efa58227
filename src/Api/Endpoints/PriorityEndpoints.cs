using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Retries;
using Governance.Api.Security;
using Governance.Api.Validation;
using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;
using Governance.Contracts.Priorities;
using Governance.Domain.Identifiers;

namespace Governance.Api.Endpoints;

/// <summary>
/// Priority polls: items ranked by one of six methods, with the same lifecycle, eligible roster and liquid delegation
/// as proposals. Each direct ballot counts with the number of eligible members it carries.
/// </summary>
public static class PriorityEndpoints
{
    private const string BallotShapes =
        "Set exactly the field the poll's method reads. schulze, borda: {\"ranking\": [[\"a\"], [\"b\", \"c\"]]} — ranks from most " +
        "to least preferred, items in one rank tied, unranked items below every ranked one. approval: {\"approved\": [\"a\", \"c\"]}. " +
        "score, quadratic, dot: {\"allocations\": [{\"item\": \"a\", \"amount\": 3}]} — items left out get 0; a score is 0 to maxScore, " +
        "quadratic votes (negative against) cost their square from creditBudget, dot points (not negative) sum to at most pointBudget. " +
        "A ballot breaking these rules is a 400 with its code (wrong-ballot-method, unknown-item, duplicate-item, empty-rank, " +
        "score-out-of-range, over-budget, negative-points).";

    private const string ResultShape =
        "Every item, best first: position (1 plus the number of items scored higher, so tied items share it), itemId, title, " +
        "score, tied. Tied items are listed in the poll's item order, which decides presentation only. Each direct ballot " +
        "weighs the number of eligible members it carries; participation is their sum. For schulze, schulze.preferences[x][y] is " +
        "d[x,y] (weight preferring x to y) and schulze.strongestPaths[x][y] is p[x,y]; an item's score is the number of items it beats.";

    private static readonly DecisionRoutes<PriorityPollView> Routes = new("pollId", "poll", "PriorityPoll", (grains, cooperativeId, pollId) => grains.PriorityPoll(cooperativeId, pollId), decision => decision.ToPollView());

    public static void MapPriorityEndpoints(this RouteGroupBuilder v1)
    {
        var polls = v1.MapGroup("/cooperatives/{cooperativeId}/priorities").WithTags("Priorities")
            .ProducesProblem(StatusCodes.Status404NotFound);

        polls.MapPost("/", async (string cooperativeId, CreatePriorityPollRequest request, ClaimsPrincipal user, GrainReferences grains) =>
        {
            var method = request.Method ?? throw new GovernanceException(
                ErrorKind.Invalid, "invalid-method", "'method' must be schulze, borda, approval, score, quadratic or dot.", "method");
            var command = new CreateDecisionCommand(
                request.Id ?? ResourceId.New(),
                request.Title,
                request.Body,
                request.Topic,
                method.ToDecisionMethod(),
                request.ClosesAt,
                user.RequireMemberId(),
                request.Items,
                request.MaxScore,
                request.CreditBudget,
                request.PointBudget);
            var poll = (await grains.PriorityIndex(cooperativeId).CreatePoll(command)).ToPollView();
            return TypedResults.Created($"/v1/cooperatives/{cooperativeId}/priorities/{poll.Id}", poll);
        }).RequireAccess(Access.Proposer).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreatePriorityPoll")
            .WithSummary("Create a priority poll")
            .WithDescription("Items are {id, title}; method is schulze, borda, approval, score (maxScore, default 5), quadratic (creditBudget, default 100) or dot (pointBudget, default 10).");

        polls.MapGet("/", (string cooperativeId, string? status, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.PriorityIndex(cooperativeId).ListPolls(QueryEnum.Parse<PriorityPollStatus>(status, "status", "invalid-status"), cursor, pages.Limit(limit)))
            .RequireAccess(Access.Reader)
            .WithName("ListPriorityPolls")
            .WithSummary("List the priority polls")
            .WithDescription("Polls by id, paged, optionally by status; changes nothing.");

        Routes.MapLifecycle(polls);

        polls.MapGet("/{pollId}/result", async (string cooperativeId, string pollId, GrainReferences grains) =>
            (await grains.PriorityPoll(cooperativeId, pollId).GetResult()).ToPriorityResultView())
            .RequireAccess(Access.Reader)
            .WithName("GetPriorityPollResult")
            .WithSummary("The poll's result: live while voting, frozen at close")
            .WithDescription(ResultShape);

        Routes.MapResultStream(polls, "result", "result", "GetPriorityPollResultStream", result => result.ToPriorityResultView());
        Routes.MapAudit(polls, "result", result => result.ToPriorityResultView());

        polls.MapPut("/{pollId}/ballots/{memberId}", async (string cooperativeId, string pollId, string memberId, CastPriorityBallotRequest request, GrainReferences grains) =>
            (await grains.PriorityPoll(cooperativeId, pollId).CastBallot(memberId, new DecisionBallotMarks(null, request.Ranking, request.Approved, request.Allocations))).ToPriorityBallotView())
            .RequireAccess(Access.Self)
            .RetriedWhenUnavailable()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CastPriorityBallot")
            .WithSummary("Cast or replace your ballot")
            .WithDescription(BallotShapes);

        polls.MapDelete("/{pollId}/ballots/{memberId}", async (string cooperativeId, string pollId, string memberId, GrainReferences grains) =>
        {
            await grains.PriorityPoll(cooperativeId, pollId).WithdrawBallot(memberId);
            return TypedResults.NoContent();
        }).RequireAccess(Access.Self).RetriedWhenUnavailable().ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WithdrawPriorityBallot")
            .WithSummary("Withdraw your ballot")
            .WithDescription("Removes the member's ballot; their delegations count again.");

        polls.MapGet("/{pollId}/ballots", async (string cooperativeId, string pollId, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            (await grains.PriorityPoll(cooperativeId, pollId).ListBallots(cursor, pages.Limit(limit))).Map(ballot => ballot.ToWeightedBallotView()))
            .RequireAccess(Access.Reader)
            .WithName("ListPriorityBallots")
            .WithSummary("Direct ballots, each with the number of members it carries")
            .WithDescription("Ballots cast directly, by member id, paged, each with the members whose weight it carries; changes nothing.");

        polls.MapGet("/{pollId}/ballots/{memberId}/trace", async (string cooperativeId, string pollId, string memberId, GrainReferences grains) =>
            (await grains.PriorityPoll(cooperativeId, pollId).Trace(memberId)).ToPriorityTraceView())
            .RequireAccess(Access.Reader)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("TracePriorityBallot")
            .WithSummary("Trace a member's ballot")
            .WithDescription("Whose ballot carries the member's weight, and the chain of delegations that leads there; changes nothing.");

        Routes.MapDelegations(polls, prefix: "");
    }
}
