namespace Governance.Api.Tests.Hosting;

/// <summary>Browsers may call the API from the front ends on the allow-list, and from no other origin.</summary>
[Collection(ApiCollection.Name)]
public sealed class CorsTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_with_what_it_may_send()
    {
        var response = await Preflight(ApiFactory.AllowedOrigin, "PUT", "authorization,content-type");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([ApiFactory.AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("PUT", response.Headers.GetValues("Access-Control-Allow-Methods").Single().Split(','));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_from_any_other_origin_gets_no_permission()
    {
        var response = await Preflight("https://evil.example", "PUT", "authorization");

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Answers_and_refusals_to_an_allowed_origin_carry_its_permission_and_expose_retry_after()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        using var ok = await Send(Routes.Cooperative(cooperative), ApiFactory.AllowedOrigin, authorized: true);
        using var refused = await Send(Routes.Proposal(cooperative, "nope"), "https://second.example.coop", authorized: true);
        using var foreign = await Send(Routes.Cooperative(cooperative), "https://evil.example", authorized: true);

        Assert.Equal([ApiFactory.AllowedOrigin], ok.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(["https://second.example.coop"], refused.Headers.GetValues("Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", ok.Headers.GetValues("Access-Control-Expose-Headers").Single().Split(','));
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task<HttpResponseMessage> Preflight(string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/v1/cooperatives/any/members/any/delegations/default");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await Api.Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> Send(string path, string origin, bool authorized)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        if (authorized)
        {
            Credentials.Member("ann").ApplyTo(request);
        }

        return await Api.Http.SendAsync(request);
    }
}
