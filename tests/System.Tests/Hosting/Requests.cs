using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Governance.System.Tests.Hosting;

/// <summary>The requests of a test's setup and checks, which must succeed: anything but 200, 201 or 204 fails the test with the answer.</summary>
public static class Requests
{
    public static async Task Send(HttpClient http, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent,
            $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Every ballot of a proposal, page by page, as member id to choice; a ballot listed twice fails the test.</summary>
    public static async Task<Dictionary<string, string>> ReadBallotsAsync(HttpClient http, string cooperative, string proposal)
    {
        var ballots = new Dictionary<string, string>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "limit=200" : $"limit=200&cursor={Uri.EscapeDataString(cursor)}";
            var page = await http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{cooperative}/proposals/{proposal}/votes?{query}", UriKind.Relative));
            foreach (var ballot in page.GetProperty("items").EnumerateArray())
            {
                ballots.Add(ballot.GetProperty("memberId").GetString()!, ballot.GetProperty("choice").GetString()!);
            }

            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return ballots;
    }
}
