namespace Governance.Grains.Storage;

/// <summary>
/// Append-only event logs, one stream per grain, with optimistic concurrency, plus the latest snapshot of each stream.
/// Implementations: SQLite (single node), in-memory (tests), Azure Blob (clusters). All pass one contract suite.
/// </summary>
public interface IEventStore
{
    /// <summary>The newest snapshot of the stream, or null when none was saved.</summary>
    Task<SnapshotRecord?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Every event with a version above <paramref name="afterVersion"/>, in version order.</summary>
    IAsyncEnumerable<EventRecord> ReadEventsAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default);

    /// <summary>The stream's last version, 0 when it has no events; cheaper than reading them.</summary>
    Task<long> ReadVersionAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the events as versions <paramref name="expectedVersion"/> + 1 onwards, all or none.
    /// Throws <see cref="EventStoreConcurrencyException"/>, and writes nothing, when the stream is not at
    /// <paramref name="expectedVersion"/>. A completed task means the events are durable.
    /// </summary>
    Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<byte[]> events, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot unless a newer one is already stored.</summary>
    Task SaveSnapshotAsync(string streamId, SnapshotRecord snapshot, CancellationToken cancellationToken = default);
}
