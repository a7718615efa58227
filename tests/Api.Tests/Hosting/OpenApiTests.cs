namespace Governance.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>The routes the API promises, as the OpenAPI document must list them: no more, no fewer.</summary>
    private static readonly string[] PromisedRoutes =
    [
        "POST /v1/cooperatives",
        "GET /v1/cooperatives/{cooperativeId}",
        "PUT /v1/cooperatives/{cooperativeId}/topics/{topic}",
        "POST /v1/cooperatives/{cooperativeId}/members",
        "GET /v1/cooperatives/{cooperativeId}/members",
        "GET /v1/cooperatives/{cooperativeId}/members/{memberId}",
        "DELETE /v1/cooperatives/{cooperativeId}/members/{memberId}",
        "GET /v1/cooperatives/{cooperativeId}/members/{memberId}/delegations",
        "PUT /v1/cooperatives/{cooperativeId}/members/{memberId}/delegations/default",
        "DELETE /v1/cooperatives/{cooperativeId}/members/{memberId}/delegations/default",
        "PUT /v1/cooperatives/{cooperativeId}/members/{memberId}/delegations/topics/{topic}",
        "DELETE /v1/cooperatives/{cooperativeId}/members/{memberId}/delegations/topics/{topic}",
        "PUT /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/delegations/{memberId}",
        "DELETE /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/delegations/{memberId}",
        "POST /v1/cooperatives/{cooperativeId}/proposals",
        "GET /v1/cooperatives/{cooperativeId}/proposals",
        "GET /v1/cooperatives/{cooperativeId}/proposals/{proposalId}",
        "POST /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/open",
        "POST /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/close",
        "PUT /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/votes/{memberId}",
        "DELETE /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/votes/{memberId}",
        "GET /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/votes",
        "GET /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/votes/{memberId}/trace",
        "GET /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/tally",
    ];

    [Fact]
    public async Task The_document_describes_version_1_and_lists_every_route()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("v1", document.GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("Cooperative governance API", document.GetProperty("info").GetProperty("title").GetString());
        var routes = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"));
        Assert.Equal(PromisedRoutes.Order(StringComparer.Ordinal), routes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_route_documents_its_problem_responses()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                Assert.True(responses.TryGetProperty("400", out var badRequest), $"{operation.Name} {path.Name} documents no 400.");
                Assert.True(badRequest.GetProperty("content").TryGetProperty(Expect.ProblemJson, out _));
            }
        }
    }

    [Fact]
    public async Task Swagger_ui_is_served_under_swagger()
    {
        var entry = await Api.Get("/swagger");
        Assert.Equal(HttpStatusCode.MovedPermanently, entry.StatusCode);
        Assert.Equal("/swagger/index.html", new Uri(new Uri("http://localhost/swagger"), entry.Headers.Location!).AbsolutePath);

        var page = await Api.Get("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync());
    }
}
