using Governance.Api.Grains;
using Governance.Api.Security;
using Governance.Contracts.Cooperatives;
using Governance.Domain.Security;
using Microsoft.AspNetCore.Authentication;

namespace Governance.Api.Authorization;

/// <summary>
/// The one place where routes are authorized. Unauthenticated callers get 401. A caller who is not a member of the
/// cooperative in the path gets 404, exactly as for a cooperative that does not exist, so that no route tells an
/// outsider more than a missing cooperative would. A member (or app key) who lacks the right gets 403. The handler runs only
/// when access is granted, so a rejected request changes nothing.
/// </summary>
public static class AccessControl
{
    public static IApplicationBuilder UseAccessControl(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var rule = context.GetEndpoint()?.Metadata.GetMetadata<AccessRule>();
            if (rule is null || await Decide(context, rule.Access) is not { } refusal)
            {
                await next(context);
                return;
            }

            if (refusal.Status == StatusCodes.Status401Unauthorized)
            {
                await context.ChallengeAsync();
            }

            await TypedResults
                .Problem(refusal.Detail, statusCode: refusal.Status, title: refusal.Title, extensions: new Dictionary<string, object?> { ["code"] = refusal.Code })
                .ExecuteAsync(context);
        });

    /// <summary>Null when the caller may go ahead; otherwise why not.</summary>
    private static async Task<Refusal?> Decide(HttpContext context, Access access)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Refusal.Unauthenticated;
        }

        var memberId = user.MemberIdOf();
        if (access == Access.Person)
        {
            return memberId is null ? Refusal.AppKeyNotAllowed : null;
        }

        var cooperativeId = context.Request.RouteValues["cooperativeId"] as string
            ?? throw new InvalidOperationException($"A route with access {access} has no cooperative in its path.");
        if (memberId is null)
        {
            return user.AppCooperativeOf() != cooperativeId ? Refusal.NotFound
                : access == Access.Reader && user.HasScope(AppKeyScopes.Read) ? null
                : Refusal.AppKeyNotAllowed;
        }

        var grains = context.RequestServices.GetRequiredService<GrainReferences>();
        if (await grains.Cooperative(cooperativeId).GetAccess(memberId) is not { } granted)
        {
            return Refusal.NotFound;
        }

        var isAdmin = granted.Role == MemberRole.Admin;
        var isSelf = context.Request.RouteValues["memberId"] as string == memberId;
        return access switch
        {
            Access.Reader or Access.Member => null,
            Access.Self => isSelf ? null : Refusal.NotYourself,
            Access.SelfOrAdmin => isSelf || isAdmin ? null : Refusal.AdminOnly,
            Access.Proposer => isAdmin || granted.MembersMayCreateProposals ? null : Refusal.ProposalsByAdminsOnly,
            Access.Admin => isAdmin ? null : Refusal.AdminOnly,
            _ => throw new InvalidOperationException($"Unknown access {access}."),
        };
    }

    private sealed record Refusal(int Status, string Title, string Code, string Detail)
    {
        public static readonly Refusal Unauthenticated = new(
            StatusCodes.Status401Unauthorized, "Unauthorized", "unauthenticated",
            "Send a valid bearer token (Authorization: Bearer ...) or app key (X-Api-Key: ...).");

        public static readonly Refusal NotFound = new(
            StatusCodes.Status404NotFound, "Not found", "cooperative-not-found",
            "No cooperative has this id, or you are not one of its members.");

        public static readonly Refusal AppKeyNotAllowed = new(
            StatusCodes.Status403Forbidden, "Forbidden", "app-key-not-allowed",
            "App keys only read; voting, delegating and administering need a member's own token.");

        public static readonly Refusal NotYourself = new(
            StatusCodes.Status403Forbidden, "Forbidden", "not-yourself",
            "Members act only as themselves: the member in the path must be you.");

        public static readonly Refusal AdminOnly = new(
            StatusCodes.Status403Forbidden, "Forbidden", "admin-only",
            "Only the cooperative's admins may do this.");

        public static readonly Refusal ProposalsByAdminsOnly = new(
            StatusCodes.Status403Forbidden, "Forbidden", "admin-only",
            "In this cooperative only admins create proposals.");
    }
}
