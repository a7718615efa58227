namespace Governance.Api.Tests.Errors;

/// <summary>
/// Errors the framework answers before any handler runs (an unknown route, a wrong method or media type, no body at
/// all) are problem details with a code like every other error, and tell nothing about the server's internals.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FrameworkProblemTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("/v1/nothing")]
    [InlineData("/v1/cooperatives/{c}/nothing")]
    [InlineData("/v1/cooperatives/{c}/members/ann/nothing")]
    [InlineData("/v2/cooperatives")]
    [InlineData("/nothing")]
    public async Task An_unknown_route_is_a_404_with_a_code(string template)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var response = await Api.As("ann").Get(template.Replace("{c}", cooperative));

        await Expect.Problem(response, HttpStatusCode.NotFound, "route-not-found");
    }

    [Theory]
    [InlineData("PATCH", "/v1/cooperatives/{c}")]
    [InlineData("DELETE", "/v1/cooperatives/{c}")]
    [InlineData("POST", "/v1/cooperatives/{c}/members/ann")]
    [InlineData("PUT", "/v1/cooperatives")]
    public async Task A_method_the_route_does_not_have_is_a_405_with_a_code(string method, string template)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative));

        var response = await Api.As("ann").Send(new HttpMethod(method), template.Replace("{c}", cooperative), null);

        await Expect.Problem(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.NotEmpty(response.Content.Headers.Allow);
        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative)));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_declared_as_JSON_is_a_415_with_a_code(string mediaType)
    {
        var id = Ids.New("coop");

        var response = await Api.SendRaw(HttpMethod.Post, Routes.Cooperatives, $$"""{"id":"{{id}}","name":"Coop"}""", mediaType);

        await Expect.Problem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await Expect.Problem(await Api.Get(Routes.Cooperative(id)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Theory]
    [InlineData(BodyRoute.CreateCooperative)]
    [InlineData(BodyRoute.AddMember)]
    [InlineData(BodyRoute.DefaultDelegation)]
    [InlineData(BodyRoute.CastVote)]
    [InlineData(BodyRoute.SetRole)]
    public async Task An_empty_body_is_a_400_that_says_a_JSON_body_is_needed(BodyRoute route)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        var (method, path) = route switch
        {
            BodyRoute.CreateCooperative => (HttpMethod.Post, Routes.Cooperatives),
            BodyRoute.AddMember => (HttpMethod.Post, Routes.Members(cooperative)),
            BodyRoute.DefaultDelegation => (HttpMethod.Put, Routes.DefaultDelegation(cooperative, "ann")),
            BodyRoute.CastVote => (HttpMethod.Put, Routes.Vote(cooperative, proposal, "ann")),
            _ => (HttpMethod.Put, Routes.Role(cooperative, "ben")),
        };

        var problem = await Expect.Problem(await Api.SendRaw(method, path, ""), HttpStatusCode.BadRequest, "malformed-request", "body");

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("JSON body", detail, StringComparison.Ordinal);
        foreach (var internals in new[] { "Implicit", "inferred", "Service", "parameter", "\"request\"" })
        {
            Assert.DoesNotContain(internals, problem.GetRawText(), StringComparison.Ordinal);
        }
    }
}
