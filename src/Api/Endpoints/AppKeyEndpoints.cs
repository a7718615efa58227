using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Security;
using Governance.Contracts.Errors;

namespace Governance.Api.Endpoints;

/// <summary>Keys for third-party apps. Admins issue and revoke them; the key string is in the issue response only.</summary>
public static class AppKeyEndpoints
{
    public static void MapAppKeyEndpoints(this RouteGroupBuilder v1)
    {
        var keys = v1.MapGroup("/cooperatives/{cooperativeId}/keys").WithTags("App keys")
            .RequireAccess(Access.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound);

        keys.MapPost("/", async (string cooperativeId, IssueAppKeyRequest request, ClaimsPrincipal user, GrainReferences grains) =>
        {
            var issued = await grains.Cooperative(cooperativeId).IssueAppKey(request.Name, request.Scopes, user.RequireMemberId());
            var key = issued.Key;
            return TypedResults.Created(
                $"/v1/cooperatives/{cooperativeId}/keys/{key.Id}",
                new IssuedAppKeyResponse(key.Id, key.Name, key.Scopes, key.IssuedAt, key.IssuedBy, AppKeyToken.Format(cooperativeId, key.Id, issued.Secret)));
        }).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("IssueAppKey")
            .WithSummary("Issue an app key")
            .WithDescription("Creates a key for a third-party app with the scopes named; the key is shown only in this answer and stored hashed.");

        keys.MapGet("/", (string cooperativeId, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).ListAppKeys())
            .WithName("ListAppKeys")
            .WithSummary("List the app keys")
            .WithDescription("The keys' names, scopes and dates, never the keys themselves; changes nothing.");

        keys.MapGet("/{keyId}", async (string cooperativeId, string keyId, GrainReferences grains) =>
            (await grains.Cooperative(cooperativeId).ListAppKeys()).SingleOrDefault(key => key.Id == keyId)
                ?? throw new GovernanceException(ErrorKind.NotFound, "app-key-not-found", $"The cooperative has no app key '{keyId}'."))
            .WithName("GetAppKey")
            .WithSummary("Read an app key")
            .WithDescription("The key's name, scopes and dates, never the key itself; changes nothing.");

        keys.MapDelete("/{keyId}", async (string cooperativeId, string keyId, ClaimsPrincipal user, GrainReferences grains) =>
        {
            await grains.Cooperative(cooperativeId).RevokeAppKey(keyId, user.RequireMemberId());
            return TypedResults.NoContent();
        })
            .WithName("RevokeAppKey")
            .WithSummary("Revoke an app key")
            .WithDescription("The key stops working at once; revoking is an event in the cooperative's log.");
    }
}
