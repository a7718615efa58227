using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Governance.Grains.Storage.AzureBlob;

/// <summary>
/// An <see cref="IEventStore"/> on Azure Blob Storage for clusters. Each stream's log is a series of append blobs
/// (segments); each append is one block, written only if the segment still ends where the writer saw it end
/// (<see cref="AppendBlobRequestConditions.IfAppendPositionEqual"/>), so of two writers at one version only one can win.
/// A segment rotates into the next once it holds the configured number of blocks, below the service's 50,000.
/// </summary>
/// <remarks>
/// Lost responses: the client retries transient failures with the same position condition, so a block that landed
/// before its response was lost makes the retry fail with 412 instead of writing a second copy. Every block carries a
/// fresh append id; after a 412 or an unanswered append the store reads the block at the position it wrote to and
/// reports success only when that block is its own. Nothing is ever re-appended blindly.
/// </remarks>
public sealed class AzureBlobEventStore : IEventStore
{
    private readonly BlobContainerClient container;
    private readonly AzureBlobSegments segments;
    private readonly AzureBlobSnapshots snapshots;
    private readonly int maxBlocksPerSegment;

    // Where each stream ended after this store's last write, to append without a read first; a stale entry only costs a failed append.
    private readonly ConcurrentDictionary<string, StreamTail> tails = new(StringComparer.Ordinal);

    public AzureBlobEventStore(BlobContainerClient container, int maxBlocksPerSegment)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlocksPerSegment, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBlocksPerSegment, AzureBlobStoreOptions.AppendBlobBlockLimit);
        this.container = container;
        this.maxBlocksPerSegment = maxBlocksPerSegment;
        segments = new AzureBlobSegments(container);
        snapshots = new AzureBlobSnapshots(container);
    }

    /// <summary>Creates the container when it does not exist yet; run once at start-up.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default) =>
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public Task<SnapshotRecord?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        return snapshots.ReadAsync(streamId, cancellationToken);
    }

    public Task SaveSnapshotAsync(string streamId, SnapshotRecord snapshot, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateSnapshot(streamId, snapshot);
        return snapshots.SaveAsync(streamId, snapshot, cancellationToken);
    }

    public IAsyncEnumerable<EventRecord> ReadEventsAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        return ReadSegmentsAsync(streamId, afterVersion, cancellationToken);
    }

    public async Task<long> ReadVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        return (await segments.ReadTailAsync(streamId, cancellationToken)).LastVersion;
    }

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<byte[]> events, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateAppend(streamId, expectedVersion, events);

        // An empty append writes nothing that could fail on a stale tail, so it must check the stored version.
        var tail = events.Count > 0 && tails.TryGetValue(streamId, out var cached) && cached.LastVersion == expectedVersion
            ? cached
            : await segments.ReadTailAsync(streamId, cancellationToken);
        while (true)
        {
            if (tail.LastVersion != expectedVersion)
            {
                throw new EventStoreConcurrencyException(streamId, expectedVersion, tail.LastVersion);
            }

            if (events.Count == 0)
            {
                return;
            }

            if (tail.Segment < 0 || tail.BlockCount >= maxBlocksPerSegment)
            {
                var next = tail.Segment + 1;
                if (!await segments.TryCreateAsync(streamId, next, tail.LastVersion, cancellationToken))
                {
                    tail = await segments.ReadTailAsync(streamId, cancellationToken);
                    continue;
                }

                tail = new StreamTail(next, 0, 0, tail.LastVersion);
            }

            var written = await TryAppendBlockAsync(streamId, tail, events, cancellationToken);
            if (written is not null)
            {
                tails[streamId] = written;
                return;
            }

            tail = await segments.ReadTailAsync(streamId, cancellationToken);
        }
    }

    /// <summary>The tail after the block, or null when another writer's block holds the position.</summary>
    private async Task<StreamTail?> TryAppendBlockAsync(string streamId, StreamTail tail, IReadOnlyList<byte[]> events, CancellationToken cancellationToken)
    {
        var appendId = Guid.NewGuid();
        var block = EventBlock.Encode(appendId, tail.LastVersion + 1, events);
        var written = tail with { Length = tail.Length + block.Length, LastVersion = tail.LastVersion + events.Count };
        try
        {
            using var content = new MemoryStream(block, writable: false);
            BlobAppendInfo appended = await segments.Client(streamId, tail.Segment).AppendBlockAsync(
                content,
                new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = tail.Length } },
                cancellationToken);
            return written with { BlockCount = appended.BlobCommittedBlockCount };
        }
        catch (Exception exception) when (IsPositionTaken(exception) || IsUnanswered(exception, cancellationToken))
        {
            var holder = await segments.ReadAppendIdAtAsync(streamId, tail.Segment, tail.Length, cancellationToken);
            if (holder == appendId)
            {
                // Ours landed; the tail as it is now is as good a cache entry as the one the lost response held.
                return await segments.ReadTailAsync(streamId, cancellationToken);
            }

            if (holder is null && IsUnanswered(exception, cancellationToken))
            {
                throw;
            }

            return null;
        }
    }

    private async IAsyncEnumerable<EventRecord> ReadSegmentsAsync(
        string streamId,
        long afterVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = await segments.ListAsync(streamId, cancellationToken);

        // Segments wholly at or before afterVersion are skipped without being downloaded.
        var first = Math.Max(0, all.FindLastIndex(segment => segment.PreviousVersion <= afterVersion));
        foreach (var segment in all.Skip(first))
        {
            BlobDownloadStreamingResult download = await segments.Client(streamId, segment.Index).DownloadStreamingAsync(cancellationToken: cancellationToken);
            await using var content = download.Content;
            await foreach (var record in EventBlock.ReadAllAsync(content, cancellationToken))
            {
                if (record.Version > afterVersion)
                {
                    yield return record;
                }
            }
        }
    }

    private static bool IsPositionTaken(Exception exception) => exception is RequestFailedException { Status: 412 };

    // The append may or may not have landed: the service failed, or no answer came even after the client's retries.
    private static bool IsUnanswered(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or >= 500,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AggregateException or IOException or TimeoutException => true,
        _ => false,
    };
}
