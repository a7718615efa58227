namespace Governance.Api.Security;

/// <summary>
/// How bearer tokens are checked (section "Auth:Jwt"). With an Authority, tokens come from that OpenID Connect
/// provider. Otherwise they are HS256 tokens signed with SigningKey, or, when none is set, with a key generated
/// on first start and kept in KeyFile.
/// </summary>
public sealed class JwtOptions
{
    public const string Section = "Auth:Jwt";

    public const string DefaultIssuer = "governance";

    public const string DefaultAudience = "governance";

    /// <summary>An OpenID Connect issuer (Keycloak realm, Entra tenant, Auth0 domain); its signing keys are fetched from it.</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public string? Issuer { get; set; }

    /// <summary>A base64 HS256 key of at least 32 bytes, for self-hosting with tokens minted by the token command.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the single-node key is generated and kept when no SigningKey or Authority is set.</summary>
    public string KeyFile { get; set; } = "data/jwt-signing.key";

    /// <summary>The claim that carries the member id.</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>Metadata must come over HTTPS except from a provider on this machine while developing.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public string EffectiveIssuer => Issuer ?? DefaultIssuer;

    public string EffectiveAudience => Audience ?? DefaultAudience;

    public bool UsesAuthority => !string.IsNullOrWhiteSpace(Authority);
}
