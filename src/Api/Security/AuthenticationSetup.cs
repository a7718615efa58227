using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Security;

/// <summary>
/// Bearer tokens for members and X-Api-Key for apps, behind one default scheme that picks by header. Whatever the
/// token says, the caller becomes one canonical principal (<see cref="CallerClaims"/>); a token without a valid
/// member id in its subject claim is rejected.
/// </summary>
public static class AuthenticationSetup
{
    private const string CallerScheme = "Caller";

    public static IServiceCollection AddGovernanceAuthentication(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();

        // Resolved at start, so that the single-node key exists (and a bad key fails) before the first request.
        var signingKey = jwt.UsesAuthority ? null : SigningKeys.Resolve(jwt, contentRoot);
        services.AddSingleton<ValidatedTokens>();
        services.AddSingleton<StreamTickets>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<ValidatedTokens>((options, validated) => Configure(options, jwt, signingKey, validated));
        services
            .AddAuthentication(CallerScheme)
            .AddPolicyScheme(CallerScheme, "Member token or app key", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(AppKeyAuthenticationHandler.Header)
                        ? AppKeyAuthenticationHandler.SchemeName
                        : !context.Request.Headers.ContainsKey("Authorization") && StreamTicketAuthenticationHandler.Applies(context.Request)
                            ? StreamTicketAuthenticationHandler.SchemeName
                            : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, AppKeyAuthenticationHandler>(AppKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, StreamTicketAuthenticationHandler>(StreamTicketAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        return services;
    }

    private static void Configure(JwtBearerOptions options, JwtOptions jwt, byte[]? signingKey, ValidatedTokens validated)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = jwt.ClockSkew,
            NameClaimType = jwt.SubjectClaim,
        };

        if (jwt.UsesAuthority)
        {
            options.Authority = jwt.Authority;
            options.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
            options.TokenValidationParameters.ValidAudience = jwt.Audience
                ?? throw new InvalidOperationException("Auth:Jwt:Audience is required with Auth:Jwt:Authority.");
        }
        else
        {
            options.TokenValidationParameters.ValidIssuer = jwt.EffectiveIssuer;
            options.TokenValidationParameters.ValidAudience = jwt.EffectiveAudience;
            options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(signingKey);
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }

        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    && validated.Find(header["Bearer ".Length..].Trim()) is { } caller)
                {
                    context.Principal = caller;
                    context.Success();
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                if (context.SecurityToken is JsonWebToken token && TokenSubject.Of(token, jwt.SubjectClaim) is { } subject)
                {
                    context.Principal = CallerClaims.ForMember(subject, JwtBearerDefaults.AuthenticationScheme);
                    validated.Add(token.EncodedToken, context.Principal, ValidUntil(token, jwt.ClockSkew));
                }
                else
                {
                    context.Fail($"The token's '{jwt.SubjectClaim}' claim is missing, not one valid member id, or the token names a claim twice.");
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>The token's expiry plus the skew, saturating: a token may expire within the skew of the calendar's end.</summary>
    private static DateTimeOffset ValidUntil(JsonWebToken token, TimeSpan clockSkew)
    {
        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        return DateTimeOffset.MaxValue - expires > clockSkew ? expires + clockSkew : DateTimeOffset.MaxValue;
    }
}
