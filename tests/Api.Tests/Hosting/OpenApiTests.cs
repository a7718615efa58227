namespace Governance.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>The routes the API promises, as the OpenAPI document must list them: no more, no fewer.</summary>
    private static readonly string[] PromisedRoutes =
    [
        "POST /v1/cooperatives",
        "GET /v1/cooperatives/{cooperativeId}",
        "GET /v1/cooperatives/{cooperativeId}/events",
        "GET /v1/cooperatives/{cooperativeId}/events/stream",
        "POST /v1/cooperatives/{cooperativeId}/stream-tickets",
        "POST /v1/cooperatives/{cooperativeId}/webhooks",
        "GET /v1/cooperatives/{cooperativeId}/webhooks",
        "GET /v1/cooperatives/{cooperativeId}/webhooks/{webhookId}",
        "DELETE /v1/cooperatives/{cooperativeId}/webhooks/{webhookId}",
        "POST /v1/cooperatives/{cooperativeId}/webhooks/{webhookId}/rotate-secret",
        "POST /v1/cooperatives/{cooperativeId}/webhooks/{webhookId}/enable",
        "GET /v1/cooperatives/{cooperativeId}/webhooks/{webhookId}/deliveries",
        "POST /v1/cooperatives/{cooperativeId}/webhooks/{webhookId}/replay",
        "PUT /v1/cooperatives/{cooperativeId}/topics/{topic}",
        "PUT /v1/cooperatives/{cooperativeId}/settings",
        "POST /v1/cooperatives/{cooperativeId}/keys",
        "GET /v1/cooperatives/{cooperativeId}/keys",
        "GET /v1/cooperatives/{cooperativeId}/keys/{keyId}",
        "DELETE /v1/cooperatives/{cooperativeId}/keys/{keyId}",
        "POST /v1/cooperatives/{cooperativeId}/members",
        "GET /v1/cooperatives/{cooperativeId}/members",
        "GET /v1/cooperatives/{cooperativeId}/members/{memberId}",
        "POST /v1/cooperatives/{cooperativeId}/members/import",
        "GET /v1/cooperatives/{cooperativeId}/member-imports/{importId}",
        "DELETE /v1/cooperatives/{cooperativeId}/members/{memberId}",
        "PUT /v1/cooperatives/{cooperativeId}/members/{memberId}/role",
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
        "GET /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/tally/stream",
        "GET /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/audit",
        "GET /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/events",
        "POST /v1/cooperatives/{cooperativeId}/priorities",
        "GET /v1/cooperatives/{cooperativeId}/priorities",
        "GET /v1/cooperatives/{cooperativeId}/priorities/{pollId}",
        "POST /v1/cooperatives/{cooperativeId}/priorities/{pollId}/open",
        "POST /v1/cooperatives/{cooperativeId}/priorities/{pollId}/close",
        "GET /v1/cooperatives/{cooperativeId}/priorities/{pollId}/result",
        "GET /v1/cooperatives/{cooperativeId}/priorities/{pollId}/result/stream",
        "GET /v1/cooperatives/{cooperativeId}/priorities/{pollId}/audit",
        "GET /v1/cooperatives/{cooperativeId}/priorities/{pollId}/events",
        "PUT /v1/cooperatives/{cooperativeId}/priorities/{pollId}/ballots/{memberId}",
        "DELETE /v1/cooperatives/{cooperativeId}/priorities/{pollId}/ballots/{memberId}",
        "GET /v1/cooperatives/{cooperativeId}/priorities/{pollId}/ballots",
        "GET /v1/cooperatives/{cooperativeId}/priorities/{pollId}/ballots/{memberId}/trace",
        "PUT /v1/cooperatives/{cooperativeId}/priorities/{pollId}/delegations/{memberId}",
        "DELETE /v1/cooperatives/{cooperativeId}/priorities/{pollId}/delegations/{memberId}",
        "POST /v1/cooperatives/{cooperativeId}/tasks",
        "GET /v1/cooperatives/{cooperativeId}/tasks",
        "GET /v1/cooperatives/{cooperativeId}/tasks/suggestions",
        "GET /v1/cooperatives/{cooperativeId}/tasks/{taskId}",
        "GET /v1/cooperatives/{cooperativeId}/tasks/{taskId}/events",
        "POST /v1/cooperatives/{cooperativeId}/tasks/{taskId}/claim",
        "POST /v1/cooperatives/{cooperativeId}/tasks/{taskId}/progress",
        "POST /v1/cooperatives/{cooperativeId}/tasks/{taskId}/release",
        "POST /v1/cooperatives/{cooperativeId}/tasks/{taskId}/complete",
        "POST /v1/cooperatives/{cooperativeId}/tasks/{taskId}/review",
        "POST /v1/cooperatives/{cooperativeId}/tasks/{taskId}/suggestion/accept",
        "POST /v1/cooperatives/{cooperativeId}/tasks/{taskId}/suggestion/decline",
        "PUT /v1/cooperatives/{cooperativeId}/members/{memberId}/availability",
        "GET /v1/cooperatives/{cooperativeId}/members/{memberId}/availability",
        "GET /v1/cooperatives/{cooperativeId}/members/{memberId}/contributions",
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
    public async Task The_stream_routes_answer_text_event_stream_and_nothing_else_does()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        var streams = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Value.TryGetProperty("get", out var get)
                && get.GetProperty("responses").GetProperty("200").TryGetProperty("content", out var content)
                && content.EnumerateObject().Any(type => type.Name == "text/event-stream"))
            .Select(path => path.Name);
        Assert.Equal(PromisedRoutes.Where(route => route.EndsWith("/stream", StringComparison.Ordinal)).Select(route => route[4..]).Order(StringComparer.Ordinal), streams.Order(StringComparer.Ordinal));
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

    /// <summary>Swagger UI is the API's manual: each operation says what it does and, from its access rule, who may call it.</summary>
    [Fact]
    public async Task Every_route_has_a_summary_and_a_description_that_says_who_may_call_it()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        var undocumented = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(path => path.Name.StartsWith("/v1", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var summary = operation.Value.TryGetProperty("summary", out var text) ? text.GetString() : null;
                var description = operation.Value.TryGetProperty("description", out var rule) ? rule.GetString() : null;
                if (string.IsNullOrWhiteSpace(summary) || description?.Contains("Who may call it: ", StringComparison.Ordinal) != true)
                {
                    undocumented.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        Assert.Empty(undocumented);
    }

    /// <summary>OpenAPI requires every parameter a path names to be declared, in path order for readers of the document.</summary>
    [Fact]
    public async Task Every_route_declares_each_path_parameter_in_the_order_its_path_names_them()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var named = path.Name.Split('/').Where(segment => segment.StartsWith('{')).Select(segment => segment[1..^1]).ToList();
            foreach (var operation in path.Value.EnumerateObject())
            {
                var declared = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray()
                        .Where(parameter => parameter.GetProperty("in").GetString() == "path")
                        .Select(parameter => parameter.GetProperty("name").GetString())
                        .ToList()
                    : [];
                Assert.True(named.SequenceEqual(declared), $"{operation.Name} {path.Name} declares [{string.Join(", ", declared)}].");
            }
        }
    }

    /// <summary>Security schemes are what make Swagger UI show its Authorize button.</summary>
    [Fact]
    public async Task The_document_offers_bearer_tokens_and_app_keys_and_every_route_documents_401_and_403()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("Bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("JWT", schemes.GetProperty("Bearer").GetProperty("bearerFormat").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("AppKey").GetProperty("type").GetString());
        Assert.Equal("header", schemes.GetProperty("AppKey").GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("AppKey").GetProperty("name").GetString());
        var required = document.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name));
        Assert.Equal(["AppKey", "Bearer"], required.Order(StringComparer.Ordinal));
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                Assert.True(responses.TryGetProperty("401", out _), $"{operation.Name} {path.Name} documents no 401.");
                Assert.True(responses.TryGetProperty("403", out _), $"{operation.Name} {path.Name} documents no 403.");
                Assert.True(responses.TryGetProperty("429", out _), $"{operation.Name} {path.Name} documents no 429.");
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
