using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Governance.Grains.Storage.Sqlite;

/// <summary>
/// The embedded single-node <see cref="IEventStore"/>: one SQLite file in WAL mode. All writes go through one
/// writer loop that group-commits concurrent requests; reads use pooled connections of their own. Other tables of the
/// file (grain state) are written through the same loop, so the file has one writer and nobody waits on its lock.
/// </summary>
public sealed class SqliteEventStore : IEventStore, IAsyncDisposable, IDisposable
{
    /// <summary>The meter that reports <c>governance.event_store.sqlite.requests_per_transaction</c>.</summary>
    public const string MeterName = "Governance.Storage.Sqlite";

    private readonly SqliteConnectionFactory connections;
    private readonly SqliteWriteLoop writer;
    private int disposed;

    /// <summary>Opens (creating when missing) the database file and its schema, and starts the writer.</summary>
    public SqliteEventStore(SqliteStoreOptions options)
    {
        connections = new SqliteConnectionFactory(options);
        var writerConnection = connections.Open();
        try
        {
            SqliteConnectionFactory.EnableWriteAheadLog(writerConnection);
            SqliteConnectionFactory.Execute(writerConnection, SqliteEventSchema.Create);
        }
        catch
        {
            writerConnection.Dispose();
            throw;
        }

        writer = new SqliteWriteLoop(writerConnection);
    }

    /// <summary>Transactions the writer has run; with <see cref="WriteRequestCount"/> it shows how well writes are batched.</summary>
    public long WriteTransactionCount => writer.TransactionCount;

    /// <summary>Write requests the writer has handled: appends, snapshot saves and grain state writes.</summary>
    public long WriteRequestCount => writer.RequestCount;

    public async Task<SnapshotRecord?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, data FROM snapshots WHERE stream = $stream";
        command.Parameters.AddWithValue("$stream", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SnapshotRecord(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
            : null;
    }

    public IAsyncEnumerable<EventRecord> ReadEventsAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        return StreamEventsAsync(streamId, afterVersion, cancellationToken);
    }

    public async Task<long> ReadVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateStream(streamId);
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = $stream";
        command.Parameters.AddWithValue("$stream", streamId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <remarks>
    /// Cancellation withdraws a request the writer has not started yet. Once it has started, the task reports
    /// the real outcome, so a caller never mistakes a durable append for a cancelled one.
    /// </remarks>
    public Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<byte[]> events, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateAppend(streamId, expectedVersion, events);
        cancellationToken.ThrowIfCancellationRequested();
        return writer.WriteAsync(new SqliteAppendRequest(streamId, expectedVersion, events, cancellationToken));
    }

    public Task SaveSnapshotAsync(string streamId, SnapshotRecord snapshot, CancellationToken cancellationToken = default)
    {
        EventStoreArguments.ValidateSnapshot(streamId, snapshot);
        cancellationToken.ThrowIfCancellationRequested();
        return writer.WriteAsync(new SqliteSnapshotRequest(streamId, snapshot, cancellationToken));
    }

    /// <summary>Runs one statement through the writer, committed with the batch it joins; returns the rows it changed.</summary>
    /// <remarks>Cancellation withdraws it only before the writer has started it, as for an append.</remarks>
    internal async Task<int> ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new SqliteStatementRequest(sql, bind, cancellationToken);
        await writer.WriteAsync(request);
        return request.RowsChanged;
    }

    /// <summary>A pooled connection for reading, with the settings every connection to the file has.</summary>
    internal Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken) => connections.OpenReaderAsync(cancellationToken);

    /// <summary>Writes every request already queued, then closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await writer.DisposeAsync();
        connections.ReleasePooledConnections();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async IAsyncEnumerable<EventRecord> StreamEventsAsync(
        string streamId,
        long afterVersion,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenReaderAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, data FROM events WHERE stream = $stream AND version > $after ORDER BY version";
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$after", afterVersion);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new EventRecord(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
        }
    }
}
