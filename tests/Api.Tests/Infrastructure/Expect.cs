namespace Governance.Api.Tests.Infrastructure;

/// <summary>Assertions on responses: exact status codes, exact sets of JSON fields, and problem details.</summary>
public static class Expect
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Asserts the status (showing the body when it differs) and returns the body as JSON.</summary>
    public static async Task<JsonElement> Status(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == expected,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var json = await Status(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return json;
    }

    /// <summary>A 201 whose Location is exactly <paramref name="location"/>.</summary>
    public static async Task<JsonElement> Created(HttpResponseMessage response, string location)
    {
        var json = await Status(response, HttpStatusCode.Created);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
        return json;
    }

    public static async Task NoContent(HttpResponseMessage response)
    {
        await Status(response, HttpStatusCode.NoContent);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// RFC 9457 problem details with this status and, where given, this machine-readable code. A 400 always carries an
    /// <c>errors</c> map; when <paramref name="field"/> is given, the map has a message for exactly that field.
    /// </summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string? code = null, string? field = null)
    {
        var problem = await Status(response, status);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        if (status == HttpStatusCode.BadRequest)
        {
            var errors = problem.GetProperty("errors");
            Assert.Equal(JsonValueKind.Object, errors.ValueKind);
            var fields = errors.EnumerateObject().ToList();
            Assert.NotEmpty(fields);
            Assert.All(fields, entry => Assert.All(entry.Value.EnumerateArray(), message => Assert.False(string.IsNullOrWhiteSpace(message.GetString()))));
            if (field is not null)
            {
                Assert.Equal([field], fields.Select(entry => entry.Name));
            }
        }
        else
        {
            Assert.False(problem.TryGetProperty("errors", out _), "Only a 400 carries an errors map.");
        }

        return problem;
    }

    /// <summary>The object has exactly these properties, in any order.</summary>
    public static void Fields(JsonElement json, params string[] names)
    {
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal(names.Order(StringComparer.Ordinal), json.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>The tally, field by field and with nothing else in it.</summary>
    public static void Tally(
        JsonElement tally,
        string status,
        int eligible,
        int participation,
        (int Yes, int No, int Abstain) counts,
        bool quorumReached,
        string? outcome)
    {
        Fields(tally, "status", "eligible", "participation", "counts", "quorumReached", "outcome");
        Fields(tally.GetProperty("counts"), "yes", "no", "abstain");
        Assert.Equal(
            (status, eligible, participation, counts, quorumReached, outcome),
            (tally.GetProperty("status").GetString()!,
             tally.GetProperty("eligible").GetInt32(),
             tally.GetProperty("participation").GetInt32(),
             (tally.GetProperty("counts").GetProperty("yes").GetInt32(),
              tally.GetProperty("counts").GetProperty("no").GetInt32(),
              tally.GetProperty("counts").GetProperty("abstain").GetInt32()),
             tally.GetProperty("quorumReached").GetBoolean(),
             tally.GetProperty("outcome").GetString()));
    }

    /// <summary>The ids of a page's items (or of any array of objects), in order.</summary>
    public static string[] IdsOf(JsonElement items, string property = "id") =>
        [.. items.EnumerateArray().Select(item => item.GetProperty(property).GetString()!)];

    /// <summary>The strings of a JSON array, in order.</summary>
    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    /// <summary>A timestamp the API wrote: an ISO 8601 instant.</summary>
    public static DateTimeOffset Instant(JsonElement json, string property)
    {
        var value = json.GetProperty(property);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        return value.GetDateTimeOffset();
    }
}
