using System.Globalization;
using Governance.TestServices;

namespace Governance.System.Tests.Hosting;

/// <summary>A real silo process of a cluster, on its own loopback ports, killed with SIGKILL.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private readonly HttpClient _http;

    private SiloProcess(string name, ServiceProcess process, Uri httpAddress)
    {
        Name = name;
        _process = process;
        _http = new HttpClient { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Name { get; }

    /// <summary>Where the silo serves its probes, metrics and dashboard.</summary>
    public Uri HttpAddress => _http.BaseAddress!;

    public string Output => _process.Output;

    /// <summary>Starts a silo named <paramref name="name"/> with the cluster's <paramref name="settings"/>, and waits until it is ready.</summary>
    public static async Task<SiloProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, string workingDirectory)
    {
        var httpPort = FreePort.Next();
        var environment = new Dictionary<string, string>(settings)
        {
            ["Orleans__SiloName"] = name,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        };
        var process = ServiceProcess.Start(
            name, "dotnet", [BuiltAssemblies.Silo, "--urls", $"http://127.0.0.1:{httpPort}"], environment, workingDirectory);
        var silo = new SiloProcess(name, process, new Uri($"http://127.0.0.1:{httpPort}"));
        await process.WaitForHealthyAsync(new Uri(silo._http.BaseAddress!, "/health/ready"));
        return silo;
    }

    /// <summary>How many activations of <paramref name="grainType"/> this silo has created, from its Prometheus metrics.</summary>
    public Task<long> ActivationsCreatedAsync(string grainType) => MetricAsync("orleans_catalog_activation_created_total", grainType);

    /// <summary>How many activations of <paramref name="grainType"/> live on this silo now.</summary>
    public Task<long> ActivationsAsync(string grainType) => MetricAsync("orleans_grains", grainType);

    private async Task<long> MetricAsync(string name, string grainType)
    {
        var metrics = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var prefix = $"{name}{{";
        var marker = $"grain_type=\"{grainType}\"";
        return metrics.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.Contains(marker, StringComparison.Ordinal))
            .Sum(line => long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    public Task KillAsync() => _process.KillAsync();

    /// <summary>SIGTERM, as Kubernetes stops a pod; how long the silo took to exit, or null when it was still running after <paramref name="within"/> and was killed.</summary>
    public Task<TimeSpan?> TerminateAsync(TimeSpan within) => _process.TerminateAsync(within);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _http.Dispose();
    }
}
