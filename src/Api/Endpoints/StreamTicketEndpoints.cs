using System.Security.Claims;
using System.Text.RegularExpressions;
using Governance.Api.Authorization;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Security;
using Governance.Contracts.Errors;

namespace Governance.Api.Endpoints;

/// <summary>Tickets that let a browser's EventSource open a stream without a header (see <see cref="StreamTickets"/>).</summary>
public static partial class StreamTicketEndpoints
{
    public static void MapStreamTicketEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/cooperatives/{cooperativeId}/stream-tickets", async (string cooperativeId, IssueStreamTicketRequest request, ClaimsPrincipal user, StreamTickets tickets) =>
        {
            // A body without a path binds to null despite the type: it is refused like any other wrong path.
            var path = request.Path ?? "";
            if (StreamPath().Match(path) is not { Success: true } match || match.Groups["cooperative"].Value != cooperativeId)
            {
                throw new GovernanceException(
                    ErrorKind.Invalid, "invalid-stream-path", "'path' must be the path of one of this cooperative's streams, such as /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/tally/stream.", "path");
            }

            var (ticket, expiresAt) = await tickets.IssueAsync(user, path);
            return new StreamTicketResponse(ticket, expiresAt, $"{path}?{StreamTickets.QueryParameter}={ticket}");
        })
            .WithTags("Events")
            .WithName("IssueStreamTicket")
            .RequireAccess(Access.Reader)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get a ticket to open a stream from a browser")
            .WithDescription(
                "A browser's EventSource cannot send an Authorization header. This returns a ticket that opens the one stream named, as the caller, " +
                "for one minute (reconnects included): open url (the path with ?ticket=). Tokens and app keys never go in a URL. Changes nothing.");
    }

    [GeneratedRegex("^/v1/cooperatives/(?<cooperative>[A-Za-z0-9._-]{1,64})/(proposals/[A-Za-z0-9._-]{1,64}/tally|priorities/[A-Za-z0-9._-]{1,64}/result|events)/stream$")]
    private static partial Regex StreamPath();
}
