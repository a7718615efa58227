using Microsoft.AspNetCore.Hosting;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Behind a proxy named in Api:ForwardedHeaders, the client address the rate limits count against is the one the
/// proxy forwarded in X-Forwarded-For, so clients behind one ingress keep their own buckets. From any other peer,
/// and by default, the header is ignored: a client cannot pick the address it is counted under. The API runs on
/// Kestrel here, so the peer is a real loopback connection.
/// </summary>
public sealed class ForwardedHeadersTests
{
    /// <summary>How many requests past the burst a flood may take before the refill (1 per second) runs dry.</summary>
    private const int Patience = 30;

    [Theory]
    [InlineData("KnownNetworks", "127.0.0.0/8")]
    [InlineData("KnownProxies", "127.0.0.1")]
    [InlineData("KnownNetworks", "192.0.2.0/24, 127.0.0.0/8")]
    public async Task From_a_trusted_proxy_each_forwarded_client_is_limited_on_its_own(string setting, string trusted)
    {
        await WithApi(setting, trusted, async api =>
        {
            await Flood(api, "203.0.113.7");

            Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous(api, "203.0.113.8")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous(api, forwardedFor: null)).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await Anonymous(api, "203.0.113.7")).StatusCode);
        });
    }

    [Theory]
    [InlineData("KnownNetworks", "192.0.2.0/24")]
    [InlineData("KnownProxies", "192.0.2.1")]
    [InlineData("KnownNetworks", "")]
    public async Task From_an_untrusted_peer_the_forwarded_address_is_ignored(string setting, string trusted)
    {
        await WithApi(setting, trusted, async api =>
        {
            await Flood(api, "203.0.113.7");

            await Expect.Problem(await Anonymous(api, "203.0.113.8"), HttpStatusCode.TooManyRequests, "rate-limited");
            await Expect.Problem(await Anonymous(api, forwardedFor: null), HttpStatusCode.TooManyRequests, "rate-limited");
        });
    }

    [Fact]
    public async Task A_setting_that_names_no_network_stops_the_api_from_starting()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => WithApi("KnownNetworks", "10.0.0.0/33", _ => Task.CompletedTask));

        Assert.Contains("Api:ForwardedHeaders:KnownNetworks: '10.0.0.0/33' is not a network in CIDR notation.", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task WithApi(string setting, string trusted, Func<HttpClient, Task> test)
    {
        var api = RateLimitedApi.OnKestrel(builder => builder.UseSetting($"Api:ForwardedHeaders:{setting}", trusted));
        try
        {
            await test(api.Client.Http);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    /// <summary>Anonymous requests as <paramref name="client"/> until one is refused with 429; the burst is served first.</summary>
    private static async Task Flood(HttpClient api, string client)
    {
        for (var i = 0; i < RateLimitedApi.Burst + Patience; i++)
        {
            var response = await Anonymous(api, client);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(i >= RateLimitedApi.Burst, $"Refused after {i} requests, within the burst of {RateLimitedApi.Burst}.");
                return;
            }

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Fail($"No 429 after {RateLimitedApi.Burst + Patience} requests.");
    }

    private static Task<HttpResponseMessage> Anonymous(HttpClient api, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Routes.Cooperative("somewhere"));
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return api.SendAsync(request);
    }
}
