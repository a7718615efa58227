using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Governance.Api.Security;

/// <summary>Authenticates a stream request by the ticket in its query string (see <see cref="StreamTickets"/>).</summary>
public sealed class StreamTicketAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StreamTickets tickets)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StreamTicket";

    /// <summary>Tickets open streams only; elsewhere a ticket in the query is not looked at.</summary>
    public static bool Applies(HttpRequest request) =>
        request.Query.ContainsKey(StreamTickets.QueryParameter) && request.Path.Value?.EndsWith("/stream", StringComparison.Ordinal) == true;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Query[StreamTickets.QueryParameter];
        if (values.Count != 1 || await tickets.RedeemAsync(values[0]!, Request.Path.Value!, SchemeName) is not { } caller)
        {
            return AuthenticateResult.Fail("The stream ticket is unknown, expired, or for another stream.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(caller, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} query=\"{StreamTickets.QueryParameter}\"";
        return Task.CompletedTask;
    }
}
