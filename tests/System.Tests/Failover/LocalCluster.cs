using System.Security.Cryptography;
using Governance.System.Tests.Hosting;
using Governance.TestServices;

namespace Governance.System.Tests.Failover;

/// <summary>
/// A cluster as deployed, on loopback: Azurite for the event logs and grain state, membership and reminders in
/// Redis or in Azurite's tables, silo processes and the API as their client. Failure detection and timeouts are the
/// defaults an operator gets, which declare a killed silo dead in seconds.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly RedisServer? _redis;
    private readonly AzuriteServer _azurite;
    private readonly TemporaryDirectory _workingDirectory;
    private readonly List<SiloProcess> _silos = [];
    private int _silosStarted;

    private LocalCluster(RedisServer? redis, AzuriteServer azurite, TemporaryDirectory workingDirectory, Dictionary<string, string> settings)
    {
        _redis = redis;
        _azurite = azurite;
        _workingDirectory = workingDirectory;
        Settings = settings;
    }

    /// <summary>What every process of the cluster is configured with, as an operator's ConfigMap and Secret would set it.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public ApiProcess Api { get; private set; } = null!;

    public string WorkingDirectory => _workingDirectory.Path;

    /// <summary>The storage account's connection string, blob and (with Azure Storage membership) table endpoints.</summary>
    public string StorageConnectionString => _azurite.ConnectionString;

    /// <summary>The storage account, which a test may stop and start again (<see cref="AzuriteServer.StopAsync"/>).</summary>
    public AzuriteServer Azurite => _azurite;

    /// <summary>The Redis of membership and reminders, with Redis membership; it keeps its data across a restart when started with <c>redisKeepsData</c>.</summary>
    public RedisServer? Redis => _redis;

    public static async Task<LocalCluster> StartAsync(
        int silos, IReadOnlyDictionary<string, string> extraSettings, ClusterMembership membership = ClusterMembership.Redis, bool redisKeepsData = false)
    {
        var azuriteStarted = membership == ClusterMembership.AzureStorage ? AzuriteServer.StartWithTablesAsync() : AzuriteServer.StartAsync();
        var redis = membership == ClusterMembership.Redis ? await RedisServer.StartAsync(redisKeepsData) : null;
        var azurite = await azuriteStarted;
        var workingDirectory = new TemporaryDirectory();
        Directory.CreateDirectory(workingDirectory.Path);
        var settings = new Dictionary<string, string>(extraSettings)
        {
            ["Storage__Provider"] = "AzureBlob",
            ["Storage__AzureBlob__ConnectionString"] = azurite.ConnectionString,
            ["Orleans__MembershipProvider"] = membership.ToString(),
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Orleans__ClusterId"] = $"test-{Guid.NewGuid():N}",
            ["Auth__Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (redis is not null)
        {
            settings["Orleans__RedisConnectionString"] = redis.ConnectionString;
        }

        var cluster = new LocalCluster(redis, azurite, workingDirectory, settings);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.StartSiloAsync()));
            cluster.Api = await ApiProcess.StartAsync(workingDirectory.Path, new Dictionary<string, string>(settings) { ["Orleans__Mode"] = "Client" });
            return cluster;
        }
        catch
        {
            // Leave no process behind when one of them fails to start.
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo with a name not used before, and waits until it is ready.</summary>
    public async Task<SiloProcess> StartSiloAsync()
    {
        var name = $"silo-{Interlocked.Increment(ref _silosStarted)}";
        var silo = await SiloProcess.StartAsync(name, Settings, _workingDirectory.Path);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    public Task<string> IssueTokenAsync(string member) => ApiProcess.IssueTokenAsync(_workingDirectory.Path, member, Settings);

    /// <summary>Everything each process printed, for a failure message.</summary>
    public string Output => string.Join("\n", _silos.Select(silo => $"--- {silo.Name}\n{silo.Output}").Append($"--- API\n{Api?.Output}"));

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        await _azurite.DisposeAsync();
        _workingDirectory.Dispose();
    }
}
