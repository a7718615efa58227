namespace Governance.Api.Tests.Security;

/// <summary>
/// One token bucket per identity (member, app key, or the address of unauthenticated callers): flooding the API
/// slows only the flooder, with 429 problem details and Retry-After. Probes are never limited.
/// </summary>
public sealed class RateLimitTests(RateLimitedApi limited) : IClassFixture<RateLimitedApi>
{
    /// <summary>How many requests past the burst a flood may take before the refill (1 per second) runs dry.</summary>
    private const int Patience = 30;

    private GovernanceClient Api => limited.Client;

    [Fact]
    public async Task A_member_past_their_burst_gets_429_while_another_member_is_still_served()
    {
        string founder = Ids.New("founder"), flooder = Ids.New("flooder");
        var cooperative = await Api.CreateCooperative(members: [founder, flooder]);

        var refused = await Flood(Api.As(flooder), Routes.Cooperative(cooperative), HttpStatusCode.OK);

        await RateLimited(refused);
        await Expect.Ok(await Api.As(founder).Get(Routes.Cooperative(cooperative)));
    }

    [Fact]
    public async Task An_app_key_past_its_burst_gets_429_while_the_admin_who_issued_it_is_still_served()
    {
        var admin = Ids.New("admin");
        var cooperative = await Api.CreateCooperative(members: [admin]);
        var issued = await Expect.Status(await Api.As(admin).Post(Routes.Keys(cooperative), new { name = "Busy app", scopes = new List<string> { "read" } }), HttpStatusCode.Created);
        var app = Api.WithAppKey(issued.GetProperty("key").GetString()!);

        var refused = await Flood(app, Routes.Cooperative(cooperative), HttpStatusCode.OK);

        await RateLimited(refused);
        await Expect.Ok(await Api.As(admin).Get(Routes.Cooperative(cooperative)));
    }

    [Fact]
    public async Task Unauthenticated_callers_share_their_address_bucket_so_forged_tokens_never_drain_a_members_bucket()
    {
        string founder = Ids.New("founder"), victim = Ids.New("victim");
        var cooperative = await Api.CreateCooperative(members: [founder, victim]);
        var forged = Api.WithCredentials(Credentials.Token(TestTokens.Signed(victim, key: new byte[32])));

        var refused = await Flood(Api.Anonymous, Routes.Cooperative(cooperative), HttpStatusCode.Unauthorized);

        await RateLimited(refused);
        await RateLimited(await forged.Get(Routes.Cooperative(cooperative)));
        for (var i = 0; i < RateLimitedApi.Burst; i++)
        {
            await Expect.Ok(await Api.As(victim).Get(Routes.Cooperative(cooperative)));
        }
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        for (var i = 0; i < 4 * RateLimitedApi.Burst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.Anonymous.Get("/health/live")).StatusCode);
        }
    }

    /// <summary>
    /// Sends one identity's requests back to back: the whole burst is served as <paramref name="served"/>, and a 429
    /// follows within <see cref="Patience"/> more requests (the bucket refills far slower than requests go out).
    /// Returns that 429.
    /// </summary>
    private static async Task<HttpResponseMessage> Flood(GovernanceClient client, string path, HttpStatusCode served)
    {
        for (var i = 0; i < RateLimitedApi.Burst; i++)
        {
            var response = await client.Get(path);
            Assert.True(response.StatusCode == served, $"Request {i + 1} of the burst: expected {(int)served}, got {(int)response.StatusCode}.");
        }

        for (var i = 0; i < Patience; i++)
        {
            var response = await client.Get(path);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            Assert.Equal(served, response.StatusCode);
        }

        Assert.Fail($"No 429 after {RateLimitedApi.Burst + Patience} requests.");
        return null!;
    }

    private static async Task RateLimited(HttpResponseMessage response)
    {
        await Expect.Problem(response, HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));

        // One token a second: the next one is at most a second away, rounded up to whole seconds.
        Assert.Equal("1", retryAfter);
    }
}
