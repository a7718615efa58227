using System.Globalization;

namespace Governance.TestServices;

/// <summary>
/// A redis-server on a free loopback port that keeps nothing on disk. The executable comes from REDIS_SERVER when set,
/// else from PATH (.ci/run installs Debian's redis-server).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private readonly TemporaryDirectory _folder;

    private RedisServer(ServiceProcess process, TemporaryDirectory folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort.Next();
        var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.Path);
        var process = ServiceProcess.Start(
            "Redis",
            Executables.Find("REDIS_SERVER", "redis-server", "install it with 'apt-get install redis-server'"),
            ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder.Path],
            workingDirectory: folder.Path);
        var server = new RedisServer(process, folder, port);
        await process.WaitForPortAsync(port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Dispose();
    }
}
