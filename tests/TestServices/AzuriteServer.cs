using System.Globalization;

namespace Governance.TestServices;

/// <summary>
/// Azurite on free loopback ports: the blob service alone with data in memory (<see cref="StartAsync"/>), or blob, queue
/// and table services with data in a temporary folder (<see cref="StartWithTablesAsync"/>). The executables come from
/// AZURITE_BLOB and AZURITE when set, else from PATH (.ci/run installs both with npm). It can be stopped and started
/// again on the same ports and folder, as a storage account that goes away for a while.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's well-known development account; it only ever talks to the loopback port below.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Func<ServiceProcess> _start;
    private readonly TemporaryDirectory _folder;
    private ServiceProcess _process;

    private AzuriteServer(Func<ServiceProcess> start, TemporaryDirectory folder, int port, int? tablePort)
    {
        _start = start;
        _process = start();
        _folder = folder;
        Port = port;
        TablePort = tablePort;
    }

    /// <summary>The blob service's port.</summary>
    public int Port { get; }

    /// <summary>The table service's port, when it runs.</summary>
    public int? TablePort { get; }

    /// <summary>The development account, with its table endpoint too when the table service runs.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;"
        + (TablePort is { } tablePort ? $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;" : "");

    public static async Task<AzuriteServer> StartAsync()
    {
        var port = FreePort.Next();

        // Azurite keeps data in memory; the folder only keeps anything it might write out of the source tree.
        var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.Path);
        var executable = Executables.Find("AZURITE_BLOB", "azurite-blob", "install it with 'npm install -g azurite@3'");
        var server = new AzuriteServer(
            () => ServiceProcess.Start(
                "Azurite",
                executable,
                [
                    "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture),
                    "--skipApiVersionCheck", "--silent", "--inMemoryPersistence", "--disableTelemetry",
                ],
                workingDirectory: folder.Path),
            folder,
            port,
            tablePort: null);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>Blob, queue and table services, as an Azure Storage account serves them; data lives in a temporary folder.</summary>
    public static async Task<AzuriteServer> StartWithTablesAsync()
    {
        var (blobPort, queuePort, tablePort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.Path);
        var executable = Executables.Find("AZURITE", "azurite", "install it with 'npm install -g azurite@3'");
        var server = new AzuriteServer(
            () => ServiceProcess.Start(
                "Azurite",
                executable,
                [
                    "--blobHost", "127.0.0.1", "--blobPort", Invariant(blobPort),
                    "--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort),
                    "--tableHost", "127.0.0.1", "--tablePort", Invariant(tablePort),
                    "--location", folder.Path, "--skipApiVersionCheck", "--silent", "--disableTelemetry",
                ],
                workingDirectory: folder.Path),
            folder,
            blobPort,
            tablePort);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>
    /// Stops the service with SIGTERM, which lets it write out what it holds (with tables, data is on disk); its ports
    /// then refuse connections, as an unreachable account does.
    /// </summary>
    public async Task StopAsync()
    {
        if (await _process.TerminateAsync(TimeSpan.FromSeconds(30)) is null)
        {
            throw new InvalidOperationException($"Azurite did not stop within 30 s of SIGTERM:\n{_process.Output}");
        }
    }

    /// <summary>Starts the service again on the same ports, over the same folder, and waits until it listens.</summary>
    public async Task StartAgainAsync()
    {
        await _process.DisposeAsync();
        _process = _start();
        await WaitUntilListeningAsync();
    }

    private async Task WaitUntilListeningAsync()
    {
        await _process.WaitForPortAsync(Port);
        if (TablePort is { } tablePort)
        {
            await _process.WaitForPortAsync(tablePort);
        }
    }

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Dispose();
    }
}
