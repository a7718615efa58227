using System.Globalization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Security;

/// <summary>
/// "token --sub alice [--ttl 1h]": prints a bearer token signed with this node's key, for self-hosting and trying
/// the API. With an OpenID Connect authority configured, tokens come from that provider instead.
/// </summary>
public static class TokenCommand
{
    public const string Name = "token";

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <summary>A year: a token cannot be revoked, so one that outlives this is better issued again.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(365);

    public static int Run(string[] args, IConfiguration configuration, string contentRoot, TextWriter output, TextWriter error)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        if (jwt.UsesAuthority)
        {
            error.WriteLine("Auth:Jwt:Authority is set: tokens come from that identity provider, not from this command.");
            return 2;
        }

        if (!TryParse(args, out var subject, out var lifetime, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine($"usage: token --sub <member-id> [--ttl <lifetime up to {MaxLifetime.TotalDays:0} days, e.g. 30m, 1h, 7d>]");
            return 2;
        }

        output.WriteLine(Issue(jwt, SigningKeys.Resolve(jwt, contentRoot), subject, lifetime, DateTime.UtcNow));
        return 0;
    }

    public static string Issue(JwtOptions jwt, byte[] key, string subject, TimeSpan lifetime, DateTime now) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.EffectiveIssuer,
            Audience = jwt.EffectiveAudience,
            Claims = new Dictionary<string, object> { [jwt.SubjectClaim] = subject },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });

    private static bool TryParse(string[] args, out string subject, out TimeSpan lifetime, out string problem)
    {
        subject = "";
        lifetime = DefaultLifetime;
        problem = "";
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--sub" when Domain.Identifiers.ResourceId.IsValid(value):
                    subject = value!;
                    break;
                case "--ttl" when TryParseLifetime(value, out var parsed):
                    lifetime = parsed;
                    break;
                case "--ttl":
                    problem = $"--ttl must be a positive lifetime of at most {MaxLifetime.TotalDays:0} days, such as 30m, 8h or 7d; '{value}' is not.";
                    return false;
                default:
                    problem = $"'{args[i]} {value}' is not understood.";
                    return false;
            }
        }

        problem = subject.Length == 0 ? "--sub is required." : "";
        return subject.Length > 0;
    }

    /// <summary>"90s", "30m", "1h", "7d", or a TimeSpan such as "01:30:00"; longer than zero and at most <see cref="MaxLifetime"/>.</summary>
    private static bool TryParseLifetime(string? text, out TimeSpan lifetime)
    {
        lifetime = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var unit = text[^1];
        if (char.IsAsciiLetter(unit) && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            var unitSeconds = unit switch
            {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86_400,
                _ => double.NaN,
            };

            // Bounded as seconds first, so that NaN, infinity and huge amounts never reach TimeSpan, which throws on them.
            var seconds = amount * unitSeconds;
            if (seconds > 0 && seconds <= MaxLifetime.TotalSeconds)
            {
                lifetime = TimeSpan.FromSeconds(seconds);
            }
        }
        else if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed) && parsed <= MaxLifetime)
        {
            lifetime = parsed;
        }

        return lifetime > TimeSpan.Zero;
    }
}
