using Governance.Grains.Storage;

namespace Governance.Grains.Tests.Cluster;

/// <summary>Wraps the real in-memory store, counting appends per stream and failing appends on request.</summary>
public sealed class RecordingEventStore(IEventStore inner) : IEventStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _appends = [];
    private readonly HashSet<string> _failNextAppend = [];
    private readonly Dictionary<string, int> _lastAppendBytes = [];

    public int AppendsTo(string streamId)
    {
        lock (_gate)
        {
            return _appends.GetValueOrDefault(streamId);
        }
    }

    /// <summary>The size of the last append to the stream: every event in it, serialized.</summary>
    public int LastAppendBytes(string streamId)
    {
        lock (_gate)
        {
            return _lastAppendBytes.GetValueOrDefault(streamId);
        }
    }

    public void FailNextAppend(string streamId)
    {
        lock (_gate)
        {
            _failNextAppend.Add(streamId);
        }
    }

    public Task<SnapshotRecord?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.ReadSnapshotAsync(streamId, cancellationToken);

    public Task<long> ReadVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.ReadVersionAsync(streamId, cancellationToken);

    public IAsyncEnumerable<EventRecord> ReadEventsAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default) =>
        inner.ReadEventsAsync(streamId, afterVersion, cancellationToken);

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<byte[]> events, CancellationToken cancellationToken = default)
    {
        bool fail;
        lock (_gate)
        {
            fail = _failNextAppend.Remove(streamId);
            _appends[streamId] = _appends.GetValueOrDefault(streamId) + 1;
            _lastAppendBytes[streamId] = events.Sum(data => data.Length);
        }

        // Yield so that concurrent commands can queue behind this append, as they would behind real I/O.
        await Task.Delay(5, cancellationToken);
        if (fail)
        {
            throw new IOException("Simulated storage failure.");
        }

        await inner.AppendAsync(streamId, expectedVersion, events, cancellationToken);
    }

    public Task SaveSnapshotAsync(string streamId, SnapshotRecord snapshot, CancellationToken cancellationToken = default) =>
        inner.SaveSnapshotAsync(streamId, snapshot, cancellationToken);
}
