namespace Governance.Grains.Storage.AzureBlob;

/// <summary>Where the Azure Blob event store keeps its blobs and when it rotates a stream's log into a new segment.</summary>
public sealed record AzureBlobStoreOptions(string Container, int MaxBlocksPerSegment)
{
    /// <summary>An append blob holds at most 50,000 blocks; rotating earlier leaves headroom.</summary>
    public const int AppendBlobBlockLimit = 50_000;

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(Container);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBlocksPerSegment, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBlocksPerSegment, AppendBlobBlockLimit);
    }
}
