namespace Governance.Grains.Storage.Sqlite;

internal sealed class SqliteSnapshotRequest(string streamId, SnapshotRecord snapshot, CancellationToken cancellationToken)
    : SqliteWriteRequest(cancellationToken)
{
    public override void Apply(SqliteWriteCommands commands) => commands.SaveSnapshot(streamId, snapshot);
}
