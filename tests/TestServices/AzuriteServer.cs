using System.Globalization;

namespace Governance.TestServices;

/// <summary>
/// Azurite's blob service on a free loopback port, data in memory. The executable comes from AZURITE_BLOB when set,
/// else from PATH (.ci/run installs it with npm).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's well-known development account; it only ever talks to the loopback port below.
    private const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ServiceProcess _process;
    private readonly TemporaryDirectory _folder;

    private AzuriteServer(ServiceProcess process, TemporaryDirectory folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<AzuriteServer> StartAsync()
    {
        var port = FreePort.Next();

        // Azurite keeps data in memory; the folder only keeps anything it might write out of the source tree.
        var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.Path);
        var process = ServiceProcess.Start(
            "Azurite",
            Executables.Find("AZURITE_BLOB", "azurite-blob", "install it with 'npm install -g azurite@3'"),
            [
                "--blobHost", "127.0.0.1", "--blobPort", port.ToString(CultureInfo.InvariantCulture),
                "--skipApiVersionCheck", "--silent", "--inMemoryPersistence", "--disableTelemetry",
            ],
            workingDirectory: folder.Path);
        var server = new AzuriteServer(process, folder, port);
        await process.WaitForPortAsync(port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Dispose();
    }
}
