namespace Governance.Grains.Storage.Memory;

/// <summary>
/// A process-local <see cref="IEventStore"/> for unit tests and <c>Storage__Provider=Memory</c>. Nothing survives the process.
/// Byte arrays are copied in and out, so callers observe the same isolation a serializing store gives them.
/// </summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<byte[]>> streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotRecord> snapshots = new(StringComparer.Ordinal);

    public Task<SnapshotRecord?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var found = snapshots.GetValueOrDefault(streamId);
            return Task.FromResult(found is null ? null : found with { Data = found.Data.ToArray() });
        }
    }

    public IAsyncEnumerable<EventRecord> ReadEventsAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        return CopyEventsAfter(streamId, afterVersion, cancellationToken).ToAsyncEnumerable();
    }

    public Task<long> ReadVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult((long)(streams.GetValueOrDefault(streamId)?.Count ?? 0));
        }
    }

    public Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<byte[]> events, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateAppend(streamId, expectedVersion, events);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            var log = streams.GetValueOrDefault(streamId);
            var actualVersion = log?.Count ?? 0;
            if (actualVersion != expectedVersion)
            {
                return Task.FromException(new EventStoreConcurrencyException(streamId, expectedVersion, actualVersion));
            }

            if (events.Count > 0)
            {
                if (log is null)
                {
                    log = [];
                    streams.Add(streamId, log);
                }

                log.AddRange(events.Select(data => data.ToArray()));
            }
        }

        return Task.CompletedTask;
    }

    public Task SaveSnapshotAsync(string streamId, SnapshotRecord snapshot, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateSnapshot(streamId, snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (!snapshots.TryGetValue(streamId, out var stored) || stored.Version <= snapshot.Version)
            {
                snapshots[streamId] = snapshot with { Data = snapshot.Data.ToArray() };
            }
        }

        return Task.CompletedTask;
    }

    // Copies under the lock when enumeration starts, so it never races a concurrent append.
    private IEnumerable<EventRecord> CopyEventsAfter(string streamId, long afterVersion, CancellationToken cancellationToken)
    {
        List<EventRecord> copies;
        lock (gate)
        {
            var log = streams.GetValueOrDefault(streamId) ?? [];
            var first = (int)Math.Clamp(afterVersion, 0, log.Count);
            copies = new List<EventRecord>(log.Count - first);
            for (var index = first; index < log.Count; index++)
            {
                copies.Add(new EventRecord(index + 1, log[index].ToArray()));
            }
        }

        foreach (var record in copies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }
    }
}
