using System.Security.Claims;
using System.Security.Cryptography;
using Governance.Api.Grains;
using Governance.Contracts.Security;

namespace Governance.Api.Security;

/// <summary>
/// Stream tickets: a random secret that opens one stream path as the caller who asked for it, for a minute. A
/// browser's EventSource cannot send an Authorization header, and a long-lived token must never go in a URL, where
/// proxies and logs keep it; a ticket in the URL is worth little to whoever finds it there. It may open its stream
/// more than once while it lasts, so that EventSource's own reconnects work.
/// </summary>
public sealed class StreamTickets(GrainReferences grains, TimeProvider clock)
{
    public const string QueryParameter = "ticket";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public async Task<(string Ticket, DateTimeOffset ExpiresAt)> IssueAsync(ClaimsPrincipal caller, string path)
    {
        var ticket = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expiresAt = clock.GetUtcNow() + Lifetime;
        var grant = new StreamTicketGrant(
            caller.MemberIdOf(), caller.AppCooperativeOf(), caller.AppKeyOf(),
            [.. caller.FindAll(CallerClaims.Scope).Select(claim => claim.Value)], path, expiresAt);
        await grains.StreamTicket(KeyOf(ticket)).Issue(grant);
        return (ticket, expiresAt);
    }

    /// <summary>The caller the ticket stands for, when it is current and for this very path; otherwise null.</summary>
    public async Task<ClaimsPrincipal?> RedeemAsync(string ticket, string path, string authenticationType)
    {
        if (ticket.Length is 0 or > 64 || await grains.StreamTicket(KeyOf(ticket)).Redeem() is not { } grant || grant.Path != path)
        {
            return null;
        }

        return grant.MemberId is { } member
            ? CallerClaims.ForMember(member, authenticationType)
            : CallerClaims.ForAppKey(grant.AppCooperativeId!, grant.AppKeyId!, grant.Scopes, authenticationType);
    }

    private static string KeyOf(string ticket) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ticket)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
