using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Governance.Grains.Storage.AzureBlob;

/// <summary>The log segments of streams: one append blob each, listed, created and probed at their ends.</summary>
internal sealed class AzureBlobSegments(BlobContainerClient container)
{
    // Set when a segment is created, so a reader can skip whole segments before the version it wants.
    private const string PreviousVersionKey = "previousversion";

    public AppendBlobClient Client(string streamId, int index) =>
        container.GetAppendBlobClient(StreamBlobNames.Segment(streamId, index));

    public async Task<List<SegmentInfo>> ListAsync(string streamId, CancellationToken cancellationToken)
    {
        var segments = new List<SegmentInfo>();
        var blobs = container.GetBlobsAsync(
            new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = StreamBlobNames.SegmentPrefix(streamId) },
            cancellationToken);
        await foreach (var blob in blobs)
        {
            segments.Add(new SegmentInfo(StreamBlobNames.SegmentIndex(blob.Name), ParseVersion(blob.Metadata)));
        }

        return [.. segments.OrderBy(segment => segment.Index)];
    }

    /// <summary>Reads where the log ends now: the last segment's size, block count and last version.</summary>
    public async Task<StreamTail> ReadTailAsync(string streamId, CancellationToken cancellationToken)
    {
        var all = await ListAsync(streamId, cancellationToken);
        if (all.Count == 0)
        {
            return StreamTail.Empty;
        }

        var last = all[^1];
        var client = Client(streamId, last.Index);
        BlobProperties properties = await client.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.ContentLength == 0)
        {
            return new StreamTail(last.Index, 0, 0, last.PreviousVersion);
        }

        // Blocks never change once written, so the trailer at this length stays valid even if the blob has grown since.
        var trailer = await DownloadRangeAsync(client, properties.ContentLength - EventBlock.TrailerSize, EventBlock.TrailerSize, cancellationToken);
        return new StreamTail(last.Index, properties.ContentLength, properties.BlobCommittedBlockCount, EventBlock.ReadLastVersion(trailer));
    }

    /// <summary>Creates an empty segment; false when another writer created it first.</summary>
    public async Task<bool> TryCreateAsync(string streamId, int index, long previousVersion, CancellationToken cancellationToken)
    {
        try
        {
            await Client(streamId, index).CreateAsync(
                new AppendBlobCreateOptions
                {
                    Metadata = new Dictionary<string, string> { [PreviousVersionKey] = previousVersion.ToString(CultureInfo.InvariantCulture) },
                    Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>The append id of the block starting at <paramref name="offset"/>, or null when the segment ends there.</summary>
    public async Task<Guid?> ReadAppendIdAtAsync(string streamId, int index, long offset, CancellationToken cancellationToken)
    {
        var client = Client(streamId, index);
        BlobProperties properties = await client.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.ContentLength < offset + EventBlock.HeaderSize)
        {
            return null;
        }

        var header = await DownloadRangeAsync(client, offset, EventBlock.HeaderSize, cancellationToken);
        return EventBlock.ReadAppendId(header);
    }

    private static long ParseVersion(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(PreviousVersionKey, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;

    private static async Task<byte[]> DownloadRangeAsync(BlobBaseClient client, long offset, int length, CancellationToken cancellationToken)
    {
        BlobDownloadResult result = await client.DownloadContentAsync(
            new BlobDownloadOptions { Range = new HttpRange(offset, length) },
            cancellationToken);
        return result.Content.ToArray();
    }
}
