using Governance.Grains.Hosting;
using Governance.Grains.Storage;
using Governance.Grains.Storage.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Governance.Grains.Tests.Cluster;

/// <summary>Two silos sharing one event store and one clock, as silos in a cluster share storage.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int SnapshotEvery = 20;

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
                })
                .Build();
            silo.AddGovernance(configuration);
            silo.Services.AddSingleton<IEventStore>(Store);
            silo.Services.AddSingleton<TimeProvider>(Clock);
        });
        Cluster = builder.Build();
    }

    public InProcessTestCluster Cluster { get; }

    public RecordingEventStore Store { get; } = new(new InMemoryEventStore());

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public IClusterClient Client => Cluster.Client;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
