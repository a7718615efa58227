using Governance.Grains.Hosting;
using Governance.Grains.Storage;
using Governance.Grains.Storage.Memory;
using Governance.Grains.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Governance.Grains.Tests.Cluster;

/// <summary>Two silos sharing one event store and one clock, as silos in a cluster share storage.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int SnapshotEvery = 20;

    /// <summary>The most events a cooperative lets follow its snapshot, however large its roster.</summary>
    public const int MaxEventsBetweenSnapshots = 30;

    /// <summary>Claims lapse this long after the last progress, on the fake clock; short so that a test sees a timer expire one.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(2);

    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "Memory",
                    ["EventSourcing:SnapshotEvery"] = SnapshotEvery.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["EventSourcing:MaxEventsBetweenSnapshots"] = MaxEventsBetweenSnapshots.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Tasks:ClaimTimeout"] = ClaimTimeout.ToString(),
                })
                .Build();
            silo.AddGovernance(configuration);
            silo.Services.AddSingleton<IEventStore>(Store);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<IPollPriorities>(Polls);
        });
        Cluster = builder.Build();
    }

    public InProcessTestCluster Cluster { get; }

    public RecordingEventStore Store { get; } = new(new InMemoryEventStore());

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakePollPriorities Polls { get; } = new();

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
