using System.Text.Json;
using Azure.Storage.Blobs;
using Governance.Grains.Hosting;

namespace Governance.Grains.Tests.Storage.GrainState;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobGrainStorageTests(AzuriteFixture azurite) : GrainStorageContract
{
    // Every test gets its own container, so tests never see each other's state.
    private readonly string containerName = $"state-{Guid.NewGuid():N}";

    protected override StorageOptions Options => new()
    {
        Provider = StorageProvider.AzureBlob,
        AzureBlob = new StorageOptions.AzureBlobSection { ConnectionString = azurite.ConnectionString, GrainStateContainer = containerName },
    };

    [Fact]
    public async Task The_state_is_the_same_readable_json_in_the_grain_state_container()
    {
        await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/hook"));

        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(containerName);
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        var name = Assert.Single(blobs);
        using var json = JsonDocument.Parse((await container.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal("https://a.example/hook", json.RootElement.GetProperty("url").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("maxAttempts").GetInt32());
        Assert.Equal("Batched", json.RootElement.GetProperty("mode").GetString());
    }
}
