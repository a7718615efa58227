namespace Governance.Api.Tests.Hosting;

/// <summary>Swagger UI is the API's manual, and the document the typed client is generated from: what it must say.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiManualTests(ApiFactory factory) : ApiTest(factory)
{
    private const string SchemaPrefix = "#/components/schemas/";

    [Fact]
    public async Task Every_request_field_and_parameter_has_a_description()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var undescribed = new List<string>();
        var requestSchemas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (route, operation) in Operations(document))
        {
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
            {
                if (!HasText(parameter, "description"))
                {
                    undescribed.Add($"{route}: parameter {parameter.GetProperty("name").GetString()}");
                }
            }

            if (operation.TryGetProperty("requestBody", out var body))
            {
                foreach (var content in body.GetProperty("content").EnumerateObject())
                {
                    CollectReferences(content.Value.GetProperty("schema"), schemas, requestSchemas);
                }
            }
        }

        foreach (var name in requestSchemas)
        {
            foreach (var field in schemas.GetProperty(name).TryGetProperty("properties", out var properties) ? properties.EnumerateObject() : default)
            {
                if (!HasText(field.Value, "description"))
                {
                    undescribed.Add($"{name}.{field.Name}");
                }
            }
        }

        Assert.Contains("CastVoteRequest", requestSchemas);
        Assert.Contains("ItemAmountView", requestSchemas);
        Assert.Empty(undescribed);
    }

    /// <summary>Operation ids name the typed client's methods, so each is set and reads as what the route does.</summary>
    [Fact]
    public async Task Every_operation_has_an_operation_id()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        var ids = Operations(document).ToDictionary(
            pair => pair.Route,
            pair => pair.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null);

        Assert.Empty(ids.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
        Assert.Equal(ids.Count, ids.Values.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("CastVote", ids["PUT /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/votes/{memberId}"]);
        Assert.Equal("OpenPriorityPoll", ids["POST /v1/cooperatives/{cooperativeId}/priorities/{pollId}/open"]);
    }

    /// <summary>Clients branch on the code of an error, and a 400 names the invalid fields in errors.</summary>
    [Fact]
    public async Task Error_bodies_are_problem_details_with_a_code_and_the_invalid_fields()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties");
        Assert.Equal("string", problem.GetProperty("code").GetProperty("type").GetString());
        Assert.Equal("array", problem.GetProperty("errors").GetProperty("additionalProperties").GetProperty("type").GetString());
        foreach (var (route, operation) in Operations(document))
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject().Where(response => response.Name[0] is '4' or '5'))
            {
                var schema = response.Value.GetProperty("content").GetProperty(Expect.ProblemJson).GetProperty("schema");
                Assert.True(schema.GetProperty("$ref").GetString() == SchemaPrefix + "ProblemDetails", $"{route} {response.Name}");
                Assert.True(HasText(response.Value, "description"), $"{route} {response.Name}");
            }
        }
    }

    /// <summary>Each operation offers the credentials its access rule takes: app keys only where readers may call.</summary>
    [Fact]
    public async Task Every_operation_names_the_credentials_it_accepts()
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        var schemes = Operations(document).ToDictionary(
            pair => pair.Route,
            pair => pair.Operation.TryGetProperty("security", out var security)
                ? string.Join(" or ", security.EnumerateArray().SelectMany(requirement => requirement.EnumerateObject().Select(scheme => scheme.Name)))
                : "");

        Assert.Empty(schemes.Where(pair => pair.Value.Length == 0).Select(pair => pair.Key));
        Assert.Equal("Bearer or AppKey", schemes["GET /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/tally"]);
        Assert.Equal("Bearer or AppKey", schemes["GET /v1/cooperatives/{cooperativeId}/events"]);
        Assert.Equal("Bearer", schemes["PUT /v1/cooperatives/{cooperativeId}/proposals/{proposalId}/votes/{memberId}"]);
        Assert.Equal("Bearer", schemes["POST /v1/cooperatives"]);
        Assert.Equal("Bearer", schemes["POST /v1/cooperatives/{cooperativeId}/keys"]);
    }

    private static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)));

    private static bool HasText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var text) && !string.IsNullOrWhiteSpace(text.GetString());

    /// <summary>Every component schema <paramref name="schema"/> refers to, also through fields, items and allOf.</summary>
    private static void CollectReferences(JsonElement schema, JsonElement schemas, HashSet<string> found)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.Object:
                if (schema.TryGetProperty("$ref", out var reference) && reference.GetString()!.StartsWith(SchemaPrefix, StringComparison.Ordinal))
                {
                    var name = reference.GetString()![SchemaPrefix.Length..];
                    if (found.Add(name))
                    {
                        CollectReferences(schemas.GetProperty(name), schemas, found);
                    }
                }

                foreach (var member in schema.EnumerateObject())
                {
                    CollectReferences(member.Value, schemas, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in schema.EnumerateArray())
                {
                    CollectReferences(item, schemas, found);
                }

                break;
        }
    }
}
