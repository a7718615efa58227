using System.Net;
using System.Net.Http.Json;

namespace Governance.System.Tests.Hosting;

/// <summary>The requests of a test's setup, which must succeed: anything but 200, 201 or 204 fails the test with the answer.</summary>
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
}
