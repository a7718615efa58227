using Azure.Storage.Blobs;
using Governance.Grains.Hosting;
using Governance.Grains.Storage;
using Governance.Grains.Storage.AzureBlob;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Governance.Grains.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobSiloTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_azure_blob_provider_gives_the_silo_the_blob_store_and_creates_its_container_at_start_up()
    {
        var containerName = $"silo-{Guid.NewGuid():N}";
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddGovernance(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "AzureBlob",
                ["Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
                ["Storage:AzureBlob:Container"] = containerName,
            })
            .Build()));
        await using var cluster = builder.Build();

        await cluster.DeployAsync();

        Assert.IsType<AzureBlobEventStore>(cluster.Silos[0].ServiceProvider.GetRequiredService<IEventStore>());
        Assert.True(await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(containerName).ExistsAsync());
    }
}
