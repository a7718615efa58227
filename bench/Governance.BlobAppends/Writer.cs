using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Governance.BlobAppends;

/// <summary>One log: sequential conditional appends, rotating to a new blob below the 50,000-block limit as the store does.</summary>
internal sealed class Writer(BlobContainerClient container, string prefix, byte[] block)
{
    private const int MaxBlocksPerBlob = 49_000;
    private readonly List<AppendBlobClient> blobs = [];
    private long position;
    private int blocks;

    public List<double> LatenciesMs { get; } = [];

    public async Task StartAsync()
    {
        await NextBlobAsync();
        await AppendAsync();
    }

    public async Task RunAsync(Stopwatch stopwatch, TimeSpan deadline)
    {
        while (stopwatch.Elapsed < deadline)
        {
            if (blocks >= MaxBlocksPerBlob)
            {
                await NextBlobAsync();
            }

            var started = stopwatch.Elapsed;
            await AppendAsync();
            LatenciesMs.Add((stopwatch.Elapsed - started).TotalMilliseconds);
        }
    }

    public Task DeleteAsync() => Task.WhenAll(blobs.Select(blob => blob.DeleteIfExistsAsync()));

    private async Task NextBlobAsync()
    {
        var blob = container.GetAppendBlobClient($"{prefix}/{blobs.Count}");
        await blob.CreateAsync(new AppendBlobCreateOptions());
        blobs.Add(blob);
        position = 0;
        blocks = 0;
    }

    private async Task AppendAsync()
    {
        using var content = new MemoryStream(block, writable: false);
        await blobs[^1].AppendBlockAsync(
            content,
            new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = position } });
        position += block.Length;
        blocks++;
    }
}
