using System.Text.Encodings.Web;
using Governance.Api.Grains;
using Governance.Api.Limits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Governance.Api.Security;

/// <summary>
/// Authenticates an app by the key in the X-Api-Key header, checked against the hash its cooperative keeps, unless
/// <see cref="AppKeyAttempts"/> already knows the answer or the key id has failed too often.
/// </summary>
public sealed class AppKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    GrainReferences grains,
    AppKeyAttempts attempts)
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

        var key = values[0]!;
        var verdict = attempts.Judge(cooperativeId, keyId, key);
        if (verdict.RefusedBefore)
        {
            return AuthenticateResult.Fail("The app key is unknown or revoked.");
        }

        if (verdict.RetryAfter is { } retryAfter)
        {
            Context.Features.Set(new AppKeyAttemptsExceeded(retryAfter));
            return AuthenticateResult.Fail("Too many failed checks of this app key id; the key was not checked.");
        }

        var grant = await grains.Cooperative(cooperativeId).AuthenticateAppKey(keyId, secret);
        if (grant is null)
        {
            attempts.Refused(cooperativeId, keyId, key);
            return AuthenticateResult.Fail("The app key is unknown or revoked.");
        }

        attempts.Accepted(key);
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ForAppKey(cooperativeId, grant.KeyId, grant.Scopes, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        return Task.CompletedTask;
    }
}
