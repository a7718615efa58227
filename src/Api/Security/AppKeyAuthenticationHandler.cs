using System.Text.Encodings.Web;
using Governance.Api.Grains;
using Governance.Api.Limits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Governance.Api.Security;

/// <summary>Authenticates an app by the key in the X-Api-Key header, checked against the hash its cooperative keeps.</summary>
public sealed class AppKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    GrainReferences grains,
    FailedAppKeyAttempts failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppKey";

    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || !AppKeyToken.TryParse(values[0], out var cooperativeId, out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("The app key is malformed.");
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.Exhausted(address))
        {
            return AuthenticateResult.Fail("Too many failed app key attempts from this address; retry in a minute.");
        }

        var grant = await grains.Cooperative(cooperativeId).AuthenticateAppKey(keyId, secret);
        if (grant is null)
        {
            failures.Record(address);
            return AuthenticateResult.Fail("The app key is unknown or revoked.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ForAppKey(cooperativeId, grant.KeyId, grant.Scopes, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        return Task.CompletedTask;
    }
}
