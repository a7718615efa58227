using Microsoft.Data.Sqlite;

namespace Governance.Grains.Storage.Sqlite;

/// <summary>The writer's statements, prepared once on its connection and enlisted in each batch's transaction.</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    /// <summary>
    /// Events one statement inserts when an append has that many or more: each statement run costs about as much as
    /// the rows it writes, so a large append runs a few statements instead of one per event.
    /// </summary>
    private const int RowsPerInsert = 64;

    private readonly SqliteCommand readHead;
    private readonly SqliteCommand insertEvent;
    private readonly SqliteCommand insertEvents;
    private readonly SqliteCommand saveSnapshot;
    private readonly SqliteStreamHeads heads;
    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        this.connection = connection;
        readHead = Prepare(connection, "SELECT MAX(version) FROM events WHERE stream = $stream", "$stream");
        insertEvent = Prepare(
            connection,
            "INSERT INTO events (stream, version, data) VALUES ($stream, $version, $data)",
            "$stream",
            "$version",
            "$data");
        insertEvents = PrepareInsertOfRows(connection, RowsPerInsert);
        saveSnapshot = Prepare(
            connection,
            """
            INSERT INTO snapshots (stream, version, data) VALUES ($stream, $version, $data)
            ON CONFLICT (stream) DO UPDATE SET version = excluded.version, data = excluded.data
            WHERE excluded.version >= snapshots.version
            """,
            "$stream",
            "$version",
            "$data");
        heads = new SqliteStreamHeads(ReadHead);
    }

    public void Enlist(SqliteTransaction transaction)
    {
        this.transaction = transaction;
        readHead.Transaction = transaction;
        insertEvent.Transaction = transaction;
        insertEvents.Transaction = transaction;
        saveSnapshot.Transaction = transaction;
    }

    /// <summary>The stream's last version, 0 for a new stream.</summary>
    public long HeadOf(string streamId) => heads.Of(streamId);

    public void AdvanceHead(string streamId, long version) => heads.Advance(streamId, version);

    /// <summary>Called when a transaction rolls back, as heads advanced inside it no longer hold.</summary>
    public void ForgetHeads() => heads.Forget();

    /// <summary>Inserts <paramref name="events"/> as the versions after <paramref name="afterVersion"/>.</summary>
    public void InsertEvents(string streamId, long afterVersion, IReadOnlyList<byte[]> events)
    {
        var index = 0;
        for (; events.Count - index >= RowsPerInsert; index += RowsPerInsert)
        {
            insertEvents.Parameters[0].Value = streamId;
            for (var row = 0; row < RowsPerInsert; row++)
            {
                insertEvents.Parameters[1 + (2 * row)].Value = afterVersion + index + row + 1;
                insertEvents.Parameters[2 + (2 * row)].Value = events[index + row];
            }

            insertEvents.ExecuteNonQuery();
        }

        for (; index < events.Count; index++)
        {
            Execute(insertEvent, streamId, afterVersion + index + 1, events[index]);
        }
    }

    public void SaveSnapshot(string streamId, SnapshotRecord snapshot) => Execute(saveSnapshot, streamId, snapshot.Version, snapshot.Data);

    /// <summary>Runs one statement in the batch's transaction; returns the rows it changed.</summary>
    public int Execute(string sql, Action<SqliteCommand> bind)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        bind(command);
        return command.ExecuteNonQuery();
    }

    private long ReadHead(string streamId)
    {
        readHead.Parameters[0].Value = streamId;
        return readHead.ExecuteScalar() is long version ? version : 0;
    }

    public void Dispose()
    {
        readHead.Dispose();
        insertEvent.Dispose();
        insertEvents.Dispose();
        saveSnapshot.Dispose();
    }

    private static void Execute(SqliteCommand command, params object[] values)
    {
        for (var index = 0; index < values.Length; index++)
        {
            command.Parameters[index].Value = values[index];
        }

        command.ExecuteNonQuery();
    }

    /// <summary>One insert of <paramref name="rows"/> events of one stream: $stream, then $version{i} and $data{i} for each row.</summary>
    private static SqliteCommand PrepareInsertOfRows(SqliteConnection connection, int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(row => $"($stream, $version{row}, $data{row})"));
        var parameters = Enumerable.Range(0, rows).SelectMany(row => new[] { $"$version{row}", $"$data{row}" });
        return Prepare(connection, $"INSERT INTO events (stream, version, data) VALUES {values}", ["$stream", .. parameters]);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
