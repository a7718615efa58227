using Microsoft.Data.Sqlite;

namespace Governance.Grains.Storage.Sqlite;

/// <summary>The writer's statements, prepared once on its connection and enlisted in each batch's transaction.</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteCommand readHead;
    private readonly SqliteCommand insertEvent;
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
        saveSnapshot.Transaction = transaction;
    }

    /// <summary>The stream's last version, 0 for a new stream.</summary>
    public long HeadOf(string streamId) => heads.Of(streamId);

    public void AdvanceHead(string streamId, long version) => heads.Advance(streamId, version);

    /// <summary>Called when a transaction rolls back, as heads advanced inside it no longer hold.</summary>
    public void ForgetHeads() => heads.Forget();

    public void InsertEvent(string streamId, long version, byte[] data) => Execute(insertEvent, streamId, version, data);

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
