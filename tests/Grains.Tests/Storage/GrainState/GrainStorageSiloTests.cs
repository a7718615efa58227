using Azure.Storage.Blobs;
using Governance.Grains.Hosting;
using Governance.TestServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Governance.Grains.Tests.Storage.GrainState;

[Collection(AzuriteCollection.Name)]
public sealed class GrainStorageSiloTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task A_grains_persistent_state_in_sqlite_survives_a_restart_of_the_silo()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = Path.Combine(directory.Path, "governance.db"),
        };
        await using (var first = await StartSiloAsync(settings))
        {
            await first.Client.GetGrain<IDeliveryCursorProbeGrain>("coop-1/endpoint-1").AdvanceToAsync(42);
        }

        await using var second = await StartSiloAsync(settings);

        Assert.Equal(42, await second.Client.GetGrain<IDeliveryCursorProbeGrain>("coop-1/endpoint-1").ReadPositionAsync());
        Assert.Equal(0, await second.Client.GetGrain<IDeliveryCursorProbeGrain>("coop-1/endpoint-2").ReadPositionAsync());
    }

    [Fact]
    public async Task With_azure_blob_a_grains_persistent_state_is_a_blob_in_the_grain_state_container()
    {
        var containerName = $"silo-state-{Guid.NewGuid():N}";
        await using var silo = await StartSiloAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
            ["Storage:AzureBlob:Container"] = $"silo-events-{Guid.NewGuid():N}",
            ["Storage:AzureBlob:GrainStateContainer"] = containerName,
        });

        await silo.Client.GetGrain<IDeliveryCursorProbeGrain>("coop-1/endpoint-1").AdvanceToAsync(7);

        var blobs = new List<string>();
        await foreach (var blob in new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(containerName).GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Contains("cursor", Assert.Single(blobs));
    }

    private static async Task<InProcessTestCluster> StartSiloAsync(Dictionary<string, string?> settings)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddGovernance(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
