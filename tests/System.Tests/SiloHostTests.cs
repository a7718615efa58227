using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Governance.System.Tests.Hosting;
using Governance.TestServices;

namespace Governance.System.Tests;

/// <summary>The silo image's own HTTP surface, on a real single-silo process: probes, metrics and the opt-in dashboard.</summary>
public sealed class SiloHostTests : IDisposable
{
    private readonly TemporaryDirectory _workingDirectory = new();

    private static readonly Dictionary<string, string> SingleSilo = new()
    {
        ["Storage__Provider"] = "Memory",
        ["Orleans__ClusterId"] = "silo-host-test",
    };

    public SiloHostTests() => Directory.CreateDirectory(_workingDirectory.Path);

    [Fact]
    public async Task Probes_and_metrics_answer_and_the_dashboard_stays_off_by_default()
    {
        await using var silo = await SiloProcess.StartAsync("silo", SingleSilo, _workingDirectory.Path);
        using var http = new HttpClient { BaseAddress = silo.HttpAddress };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Contains("orleans_", await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/dashboard/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_enabled_dashboard_asks_for_the_configured_credentials()
    {
        var settings = new Dictionary<string, string>(SingleSilo)
        {
            ["Dashboard__Enabled"] = "true",
            ["Dashboard__Username"] = "operator",
            ["Dashboard__Password"] = "correct horse",
        };
        await using var silo = await SiloProcess.StartAsync("silo", settings, _workingDirectory.Path);
        using var http = new HttpClient { BaseAddress = silo.HttpAddress };

        var anonymous = await http.GetAsync(new Uri("/dashboard/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAs(http, "operator", "wrong horse")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAs(http, "operator", "correct horse")).StatusCode);
    }

    [Fact]
    public async Task An_enabled_dashboard_without_credentials_stops_the_silo_at_start()
    {
        var settings = new Dictionary<string, string>(SingleSilo) { ["Dashboard__Enabled"] = "true" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SiloProcess.StartAsync("silo", settings, _workingDirectory.Path));
        Assert.Contains("Dashboard:Username and Dashboard:Password", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _workingDirectory.Dispose();

    private static async Task<HttpResponseMessage> GetAs(HttpClient http, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        return await http.SendAsync(request);
    }
}
