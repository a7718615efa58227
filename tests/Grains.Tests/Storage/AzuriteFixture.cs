using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// Starts one Azurite blob service for the test run on a free loopback port, and kills it at the end.
/// The executable comes from AZURITE_BLOB when set, else from PATH (.ci/run installs it).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's well-known development account; it only ever talks to the loopback port below.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Azurite keeps its data in memory; the directory only keeps anything it might write out of the source tree.
    private readonly TemporaryDirectory workingDirectory = new();
    private Process? azurite;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        Port = FreeLoopbackPort();
        Directory.CreateDirectory(workingDirectory.Path);
        var start = new ProcessStartInfo(FindExecutable())
        {
            ArgumentList =
            {
                "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--skipApiVersionCheck", "--silent", "--inMemoryPersistence", "--disableTelemetry",
            },
            WorkingDirectory = workingDirectory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        azurite = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        azurite.OutputDataReceived += (_, _) => { };
        azurite.ErrorDataReceived += (_, _) => { };
        azurite.BeginOutputReadLine();
        azurite.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync()
    {
        if (azurite is { HasExited: false })
        {
            azurite.Kill(entireProcessTree: true);
            azurite.WaitForExit();
        }

        azurite?.Dispose();
        workingDirectory.Dispose();
        return Task.CompletedTask;
    }

    private static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("AZURITE_BLOB");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "azurite-blob"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException(
            "azurite-blob was not found: install it with 'npm install -g azurite@3' or set AZURITE_BLOB to its path.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (azurite!.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {azurite.ExitCode} before accepting connections.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
