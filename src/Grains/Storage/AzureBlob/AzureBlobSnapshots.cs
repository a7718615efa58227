using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Governance.Grains.Storage.AzureBlob;

/// <summary>One block blob per stream holding its newest snapshot, with the snapshot's version in the blob's metadata.</summary>
internal sealed class AzureBlobSnapshots(BlobContainerClient container)
{
    private const string VersionKey = "version";

    public async Task<SnapshotRecord?> ReadAsync(string streamId, CancellationToken cancellationToken)
    {
        try
        {
            BlobDownloadResult result = await container.GetBlobClient(StreamBlobNames.Snapshot(streamId)).DownloadContentAsync(cancellationToken);
            return new SnapshotRecord(ParseVersion(result.Details.Metadata), result.Content.ToArray());
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the stored version, then writes only if the blob is still the one read (its ETag) or still absent.
    /// A concurrent save makes the condition fail, and the comparison runs again against what it wrote.
    /// </summary>
    public async Task SaveAsync(string streamId, SnapshotRecord snapshot, CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient(StreamBlobNames.Snapshot(streamId));
        while (true)
        {
            var stored = await TryGetPropertiesAsync(blob, cancellationToken);
            if (stored is not null && ParseVersion(stored.Metadata) > snapshot.Version)
            {
                return;
            }

            var conditions = stored is null
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = stored.ETag };
            try
            {
                await blob.UploadAsync(
                    BinaryData.FromBytes(snapshot.Data),
                    new BlobUploadOptions
                    {
                        Metadata = new Dictionary<string, string> { [VersionKey] = snapshot.Version.ToString(CultureInfo.InvariantCulture) },
                        Conditions = conditions,
                    },
                    cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another save got in between; compare against what it stored.
            }
        }
    }

    private static async Task<BlobProperties?> TryGetPropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private static long ParseVersion(IDictionary<string, string> metadata) => long.Parse(metadata[VersionKey], CultureInfo.InvariantCulture);
}
