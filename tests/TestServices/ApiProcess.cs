using System.Diagnostics;
using System.Globalization;

namespace Governance.TestServices;

/// <summary>
/// The real API process, started from the built assembly and killed with SIGKILL. By default it co-hosts its silo on
/// SQLite in the data directory; settings may make it a client of a cluster instead.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    private ApiProcess(ServiceProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string Output => _process.Output;

    /// <summary>A client that sends every request with <paramref name="token"/>.</summary>
    public HttpClient ClientWith(string token, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Runs "token --sub {member}" in <paramref name="dataDirectory"/>, as an operator would: the token is signed with
    /// the key the node generated there on its first start, or with the one <paramref name="settings"/> name.
    /// </summary>
    public static async Task<string> IssueTokenAsync(string dataDirectory, string member, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { BuiltAssemblies.Api, "token", "--sub", member },
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The token command did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"token --sub {member} exited with {process.ExitCode}: {error}");
    }

    /// <summary>
    /// Starts the API on fresh loopback ports with its database in <paramref name="dataDirectory"/>, and waits until it
    /// is ready. A restarted node may take the HTTP port of the one it replaces, so clients keep their address.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, int? httpPort = null)
    {
        httpPort ??= FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__Sqlite__Path"] = Path.Combine(dataDirectory, "governance.db"),
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = ServiceProcess.Start(
            "API", "dotnet", [BuiltAssemblies.Api, "--urls", $"http://127.0.0.1:{httpPort}"], environment, dataDirectory);
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{httpPort}"));
        await process.WaitForHealthyAsync(new Uri(api.BaseAddress, "/health/ready"));
        return api;
    }

    /// <summary>SIGKILL: no shutdown hooks run, so only what was durable survives.</summary>
    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Client.Dispose();
    }
}
