using Governance.Api.Tests.Security;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Api.Tests.Hosting;

/// <summary>
/// Every response says nosniff, so a browser never runs a body as something it is not. Every /v1 response, errors
/// included, says no-store: ballots, rosters and problem details must not linger in browser or proxy caches. Swagger
/// UI and the OpenAPI document hold nothing private and may be cached (the probes forbid it themselves). No response
/// names the server.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ResponseHeaderTests(ApiFactory factory) : ApiTest(factory)
{
    public enum Answer
    {
        Ok,
        Created,
        Unauthenticated,
        NotFound,
        UnknownRoute,
        MalformedBody,
        InvalidBody,
        Conflict,
    }

    [Theory]
    [InlineData(Answer.Ok, HttpStatusCode.OK)]
    [InlineData(Answer.Created, HttpStatusCode.Created)]
    [InlineData(Answer.Unauthenticated, HttpStatusCode.Unauthorized)]
    [InlineData(Answer.NotFound, HttpStatusCode.NotFound)]
    [InlineData(Answer.UnknownRoute, HttpStatusCode.NotFound)]
    [InlineData(Answer.MalformedBody, HttpStatusCode.BadRequest)]
    [InlineData(Answer.InvalidBody, HttpStatusCode.BadRequest)]
    [InlineData(Answer.Conflict, HttpStatusCode.Conflict)]
    public async Task Every_api_response_is_nosniff_and_no_store(Answer answer, HttpStatusCode status)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var response = answer switch
        {
            Answer.Ok => await Api.Get(Routes.Cooperative(cooperative)),
            Answer.Created => await Api.As("ann").Post(Routes.Proposals(cooperative), new { title = "Oven" }),
            Answer.Unauthenticated => await Api.Anonymous.Get(Routes.Cooperative(cooperative)),
            Answer.NotFound => await Api.As("ann").Get(Routes.Cooperative(Ids.New("missing"))),
            Answer.UnknownRoute => await Api.As("ann").Get("/v1/no-such-route"),
            Answer.MalformedBody => await Api.As("ann").SendRaw(HttpMethod.Post, Routes.Proposals(cooperative), "{\"title\":"),
            Answer.InvalidBody => await Api.As("ann").SendRaw(HttpMethod.Post, Routes.Proposals(cooperative), """{"title":""}"""),
            _ => await Api.As("ann").Post(Routes.Cooperatives, new { id = cooperative, name = "Again" }),
        };

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/swagger/index.html")]
    public async Task The_api_description_is_nosniff_but_may_be_cached(string path)
    {
        var response = await Api.Anonymous.Get(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.False(response.Headers.CacheControl?.NoStore ?? false, $"{path} says no-store.");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_probes_are_nosniff(string path)
    {
        var response = await Api.Anonymous.Get(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Fact]
    public void Kestrel_is_configured_to_send_no_server_header()
    {
        Assert.False(Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task A_response_from_a_real_kestrel_names_no_server()
    {
        var api = RateLimitedApi.OnKestrel(_ => { });
        try
        {
            var response = await api.Client.Anonymous.Get("/health/live");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Headers.Server);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        }
        finally
        {
            await api.DisposeAsync();
        }
    }
}
