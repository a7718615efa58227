using System.Globalization;

namespace Governance.TestServices;

/// <summary>
/// A redis-server on a free loopback port that keeps nothing on disk, or with <c>keepData</c> writes every change to an
/// append-only file and so can be stopped and started again with its data. The executable comes from REDIS_SERVER when
/// set, else from PATH (.ci/run installs Debian's redis-server).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Func<ServiceProcess> _start;
    private readonly TemporaryDirectory _folder;
    private ServiceProcess _process;

    private RedisServer(Func<ServiceProcess> start, TemporaryDirectory folder, int port)
    {
        _start = start;
        _process = start();
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(bool keepData = false)
    {
        var port = FreePort.Next();
        var folder = new TemporaryDirectory();
        Directory.CreateDirectory(folder.Path);
        var executable = Executables.Find("REDIS_SERVER", "redis-server", "install it with 'apt-get install redis-server'");
        string[] persistence = keepData ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"];
        var server = new RedisServer(
            () => ServiceProcess.Start(
                "Redis",
                executable,
                ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", .. persistence, "--dir", folder.Path],
                workingDirectory: folder.Path),
            folder,
            port);
        await server._process.WaitForPortAsync(port);
        return server;
    }

    /// <summary>Stops the server with SIGTERM; its port then refuses connections.</summary>
    public async Task StopAsync()
    {
        if (await _process.TerminateAsync(TimeSpan.FromSeconds(30)) is null)
        {
            throw new InvalidOperationException($"Redis did not stop within 30 s of SIGTERM:\n{_process.Output}");
        }
    }

    /// <summary>Starts the server again on the same port and folder (with its data when it keeps data), and waits until it listens.</summary>
    public async Task StartAgainAsync()
    {
        await _process.DisposeAsync();
        _process = _start();
        await _process.WaitForPortAsync(Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _folder.Dispose();
    }
}
