using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Responses;
using Governance.Api.Streams;
using Governance.Api.Validation;
using Governance.Contracts.Errors;
using Governance.Contracts.Feed;
using Governance.Domain.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Governance.Api.Endpoints;

/// <summary>The cooperative's event feed: every event of its members, keys, delegations, decisions and tasks, in one order, each once.</summary>
public static class FeedEndpoints
{
    public static void MapFeedEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/cooperatives/{cooperativeId}/events", async (
            string cooperativeId, string? after, int? limit, string? types, IOptions<GovernanceLimits> limits, PageRequests pages, GrainReferences grains) =>
            FeedPageResponse.From(await grains.Feed(cooperativeId).Read(after, FeedLimit(limit, pages, limits.Value), ParseTypes(types))))
            .WithTags("Events")
            .WithName("ListEvents")
            .WithSummary("The cooperative's event feed")
            .WithDescription("Every event of the cooperative as CloudEvents, each once, in its source's order, from the after cursor; types filters by the catalog. nextCursor is always set, to read on later. Changes nothing.")
            .RequireAccess(Access.Reader)
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapGet("/cooperatives/{cooperativeId}/events/stream", (
            string cooperativeId, string? after, string? types, [FromHeader(Name = ServerSentEventWriter.LastEventIdHeader)] string? lastEventId, HttpContext context, GrainReferences grains) =>
            FeedStream.ServeAsync(context, cooperativeId, lastEventId ?? after, ParseTypes(types), grains))
            .WithTags("Events")
            .WithName("GetEventStream")
            .WithSummary("The cooperative's event feed, live")
            .WithDescription(
                "The feed as a text/event-stream: every event after the cursor (the Last-Event-ID header, else after, else from the start), then each " +
                "new one as it is recorded. Each message's event is the CloudEvent's type, its id the cursor to resume from, its data the CloudEvent; " +
                "types filters by the catalog. A heartbeat comment comes every 15 seconds. A browser's EventSource passes a stream ticket as ?ticket=. " +
                "Changes nothing.")
            .RequireAccess(Access.Reader)
            .Produces<Stream>(StatusCodes.Status200OK, ServerSentEventWriter.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static int FeedLimit(int? requested, PageRequests pages, GovernanceLimits limits) =>
        requested switch
        {
            null => pages.Limit(null),
            var limit when limit >= 1 && limit <= limits.MaxFeedPageSize => limit.Value,
            _ => throw new GovernanceException(ErrorKind.Invalid, "invalid-limit", $"'limit' must be between 1 and {limits.MaxFeedPageSize}.", "limit"),
        };

    /// <summary>A comma-separated list of catalog types; an unknown one is refused, since it would silently match nothing.</summary>
    private static string[]? ParseTypes(string? types)
    {
        if (string.IsNullOrWhiteSpace(types))
        {
            return null;
        }

        var parsed = types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = parsed.FirstOrDefault(type => !FeedEventTypes.All.Contains(type, StringComparer.Ordinal));
        return unknown is null
            ? parsed
            : throw new GovernanceException(ErrorKind.Invalid, "invalid-types", $"'{unknown}' is not an event type of the catalog.", "types");
    }
}
