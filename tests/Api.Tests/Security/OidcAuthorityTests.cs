using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Governance.Api.Tests.Security;

/// <summary>
/// With Auth:Jwt:Authority set, member tokens come from that OpenID Connect provider: the API fetches its discovery
/// document and JWKS, accepts RS256 tokens the provider signed for the configured audience and issuer, and refuses
/// everything else, including the self-hosted HS256 tokens signed with Auth:Jwt:SigningKey, which is then ignored.
/// </summary>
public sealed class OidcAuthorityTests(OidcAuthorityApi oidc) : IClassFixture<OidcAuthorityApi>
{
    private GovernanceClient Api => oidc.Client;

    [Fact]
    public async Task A_token_from_the_provider_lets_the_member_create_and_read_a_cooperative()
    {
        var member = Ids.New("member");
        var id = Ids.New("coop");
        var client = Api.WithCredentials(Credentials.Token(oidc.Token(member)));

        await Expect.Created(await client.Post(Routes.Cooperatives, new { id, name = "Provider cooperative" }), Routes.Cooperative(id));
        var cooperative = await Expect.Ok(await client.Get(Routes.Cooperative(id)));

        Assert.Equal(id, cooperative.GetProperty("id").GetString());
        Assert.True(oidc.DiscoveryRequests > 0, "The API never asked the provider for its discovery document.");
        Assert.True(oidc.JwksRequests > 0, "The API never asked the provider for its keys.");
    }

    [Fact]
    public async Task The_member_id_is_the_subject_of_the_provider_token()
    {
        string founder = Ids.New("founder"), outsider = Ids.New("outsider");
        var id = Ids.New("coop");
        await Expect.Created(
            await Api.WithCredentials(Credentials.Token(oidc.Token(founder))).Post(Routes.Cooperatives, new { id, name = "Provider cooperative" }),
            Routes.Cooperative(id));

        // Another member of the same provider is authenticated, but is not a member of this cooperative.
        var response = await Api.WithCredentials(Credentials.Token(oidc.Token(outsider))).Get(Routes.Cooperative(id));

        await Expect.Problem(response, HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Ok(await Api.WithCredentials(Credentials.Token(oidc.Token(founder))).Get(Routes.Cooperative(id)));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_under_the_providers_key_id_is_a_401()
    {
        using var other = RSA.Create(2048);
        var forged = oidc.Token(Ids.New("member"), key: new RsaSecurityKey(other) { KeyId = OidcAuthorityApi.KeyId });

        await Refused(forged);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_under_another_key_id_is_a_401()
    {
        using var other = RSA.Create(2048);
        var forged = oidc.Token(Ids.New("member"), key: new RsaSecurityKey(other) { KeyId = "someone-elses-key" });

        await Refused(forged);
    }

    [Fact]
    public async Task A_provider_token_for_another_audience_is_a_401()
    {
        await Refused(oidc.Token(Ids.New("member"), token => token.Audience = "someone-else"));
    }

    [Fact]
    public async Task A_provider_token_for_the_self_hosted_audience_is_a_401()
    {
        await Refused(oidc.Token(Ids.New("member"), token => token.Audience = "governance"));
    }

    [Fact]
    public async Task A_provider_signed_token_from_another_issuer_is_a_401()
    {
        await Refused(oidc.Token(Ids.New("member"), token => token.Issuer = "http://someone-else.example"));
    }

    [Fact]
    public async Task A_provider_signed_token_with_the_self_hosted_issuer_is_a_401()
    {
        await Refused(oidc.Token(Ids.New("member"), token => token.Issuer = "governance"));
    }

    [Fact]
    public async Task An_expired_provider_token_is_a_401()
    {
        await Refused(oidc.Token(Ids.New("member"), token =>
        {
            token.IssuedAt = token.NotBefore = DateTime.UtcNow.AddHours(-1);
            token.Expires = DateTime.UtcNow.AddMinutes(-2);
        }));
    }

    [Fact]
    public async Task A_provider_token_whose_subject_is_not_a_member_id_is_a_401()
    {
        await Refused(oidc.Token("not a member id"));
    }

    [Fact]
    public async Task The_self_hosted_HS256_token_is_a_401_because_the_signing_key_is_ignored()
    {
        await Refused(Tokens.For("ann"));
    }

    [Fact]
    public async Task An_HS256_token_signed_with_the_configured_key_for_the_providers_issuer_and_audience_is_a_401()
    {
        var token = TestTokens.Signed(Ids.New("member"), descriptor =>
        {
            descriptor.Issuer = oidc.Authority;
            descriptor.Audience = OidcAuthorityApi.Audience;
        });

        await Refused(token);
    }

    /// <summary>The token is refused on a read and on a write, and the write leaves nothing behind.</summary>
    private async Task Refused(string token)
    {
        var client = Api.WithCredentials(Credentials.Token(token));
        var id = Ids.New("coop");

        await Unauthenticated(await client.Post(Routes.Cooperatives, new { id, name = "Forged cooperative" }));
        await Unauthenticated(await client.Get(Routes.Cooperative(id)));

        // The cooperative was never created: its id is still free for a member with a real token.
        var founder = Api.WithCredentials(Credentials.Token(oidc.Token(Ids.New("founder"))));
        await Expect.Created(await founder.Post(Routes.Cooperatives, new { id, name = "Real cooperative" }), Routes.Cooperative(id));
    }

    private static async Task Unauthenticated(HttpResponseMessage response)
    {
        await Expect.Problem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(["Bearer"], response.Headers.WwwAuthenticate.Select(challenge => challenge.Scheme));
    }
}

/// <summary>
/// A tiny OpenID Connect provider on a free loopback port (discovery document and JWKS with one RS256 key), and the
/// API configured with it as Auth:Jwt:Authority. <see cref="ApiFactory"/> is sealed and also sets Auth:Jwt:SigningKey;
/// this owns a fresh one and starts only the host derived from it, as <see cref="RateLimitedApi"/> does.
/// </summary>
public sealed class OidcAuthorityApi : IAsyncLifetime
{
    public const string Audience = "governance-api";

    public const string KeyId = "provider-key-1";

    private const string JwksPath = "/keys";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ApiFactory _base = new();
    private WebApplication? _provider;
    private WebApplicationFactory<Program>? _api;
    private GovernanceClient? _client;
    private int _discoveryRequests;
    private int _jwksRequests;

    public OidcAuthorityApi()
    {
        Authority = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
        Key = new RsaSecurityKey(_rsa) { KeyId = KeyId };
    }

    /// <summary>The provider's URL, which is also its issuer.</summary>
    public string Authority { get; }

    /// <summary>The provider's signing key, private part included.</summary>
    public RsaSecurityKey Key { get; }

    public GovernanceClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    public int DiscoveryRequests => Volatile.Read(ref _discoveryRequests);

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>An RS256 token the provider would issue for <paramref name="subject"/>, after <paramref name="change"/>.</summary>
    public string Token(string subject, Action<SecurityTokenDescriptor>? change = null, SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async Task InitializeAsync()
    {
        // The provider runs before the API is built, so that the API's first token check finds it listening.
        _provider = BuildProvider();
        await _provider.StartAsync();

        _api = _base.WithWebHostBuilder(builder => builder
            .UseSetting("Auth:Jwt:Authority", Authority)
            .UseSetting("Auth:Jwt:Audience", Audience)
            .UseSetting("Auth:Jwt:RequireHttpsMetadata", "false"));
        _client = new GovernanceClient(_api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        await _base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.StopAsync();
            await _provider.DisposeAsync();
        }

        _rsa.Dispose();
    }

    private WebApplication BuildProvider()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Authority);
        var app = builder.Build();

        var discovery = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = $"{Authority}{JwksPath}",
            ["id_token_signing_alg_values_supported"] = new List<string> { SecurityAlgorithms.RsaSha256 },
            ["response_types_supported"] = new List<string> { "code" },
            ["subject_types_supported"] = new List<string> { "public" },
        });

        // Only the public half: the converter would copy the private parameters too, were they in the key it is given.
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(includePrivateParameters: false)) { KeyId = KeyId });
        Assert.False(jwk.HasPrivateKey, "The JWKS must not carry the provider's private key.");
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = jwk.Kty,
                    ["kid"] = jwk.Kid,
                    ["use"] = JsonWebKeyUseNames.Sig,
                    ["alg"] = SecurityAlgorithms.RsaSha256,
                    ["n"] = jwk.N,
                    ["e"] = jwk.E,
                },
            },
        });

        app.MapGet("/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref _discoveryRequests);
            return Results.Text(discovery, "application/json");
        });
        app.MapGet(JwksPath, () =>
        {
            Interlocked.Increment(ref _jwksRequests);
            return Results.Text(jwks, "application/json");
        });
        return app;
    }
}
