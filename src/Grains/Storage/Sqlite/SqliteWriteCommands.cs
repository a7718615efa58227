using Microsoft.Data.Sqlite;

namespace Governance.Grains.Storage.Sqlite;

/// <summary>The writer's statements, prepared once on its connection and enlisted in each batch's transaction.</summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private readonly SqliteCommand readHead;
    private readonly SqliteCommand insertEvent;
    private readonly SqliteCommand setHead;
    private readonly SqliteCommand saveSnapshot;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        readHead = Prepare(connection, "SELECT version FROM stream_heads WHERE stream = $stream", "$stream");
        insertEvent = Prepare(
            connection,
            "INSERT INTO events (stream, version, data) VALUES ($stream, $version, $data)",
            "$stream",
            "$version",
            "$data");
        setHead = Prepare(
            connection,
            "INSERT INTO stream_heads (stream, version) VALUES ($stream, $version) ON CONFLICT (stream) DO UPDATE SET version = excluded.version",
            "$stream",
            "$version");
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
    }

    public void Enlist(SqliteTransaction transaction)
    {
        readHead.Transaction = transaction;
        insertEvent.Transaction = transaction;
        setHead.Transaction = transaction;
        saveSnapshot.Transaction = transaction;
    }

    public long ReadHead(string streamId)
    {
        readHead.Parameters[0].Value = streamId;
        return readHead.ExecuteScalar() is long version ? version : 0;
    }

    public void InsertEvent(string streamId, long version, byte[] data) => Execute(insertEvent, streamId, version, data);

    public void SetHead(string streamId, long version) => Execute(setHead, streamId, version);

    public void SaveSnapshot(string streamId, SnapshotRecord snapshot) => Execute(saveSnapshot, streamId, snapshot.Version, snapshot.Data);

    public void Dispose()
    {
        readHead.Dispose();
        insertEvent.Dispose();
        setHead.Dispose();
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
