using System.Security.Claims;

namespace Governance.Api.Security;

/// <summary>
/// The claims of an authenticated caller, in one canonical form whichever way they signed in: a member (from a
/// bearer token) or an app key. Nothing else from a token is trusted downstream.
/// </summary>
public static class CallerClaims
{
    public const string MemberId = "governance/member";

    public const string AppKeyId = "governance/app-key";

    public const string AppCooperativeId = "governance/app-cooperative";

    public const string Scope = "governance/scope";

    public static ClaimsPrincipal ForMember(string memberId, string authenticationType) =>
        new(new ClaimsIdentity([new Claim(MemberId, memberId)], authenticationType, MemberId, null));

    public static ClaimsPrincipal ForAppKey(string cooperativeId, string keyId, IEnumerable<string> scopes, string authenticationType) =>
        new(new ClaimsIdentity(
            [new Claim(AppCooperativeId, cooperativeId), new Claim(AppKeyId, keyId), .. scopes.Select(scope => new Claim(Scope, scope))],
            authenticationType,
            AppKeyId,
            null));

    /// <summary>The member this caller is, or null for anonymous callers and app keys.</summary>
    public static string? MemberIdOf(this ClaimsPrincipal user) => user.FindFirst(MemberId)?.Value;

    /// <summary>The member acting; endpoints reach this only after access control has required one.</summary>
    public static string RequireMemberId(this ClaimsPrincipal user) =>
        user.MemberIdOf() ?? throw new InvalidOperationException("Access control let a request through without a member.");

    public static string? AppCooperativeOf(this ClaimsPrincipal user) => user.FindFirst(AppCooperativeId)?.Value;

    public static string? AppKeyOf(this ClaimsPrincipal user) => user.FindFirst(AppKeyId)?.Value;

    public static bool HasScope(this ClaimsPrincipal user, string scope) => user.HasClaim(Scope, scope);
}
