namespace Governance.Grains.Storage.Sqlite;

internal sealed class SqliteAppendRequest(string streamId, long expectedVersion, IReadOnlyList<byte[]> events, CancellationToken cancellationToken)
    : SqliteWriteRequest(cancellationToken)
{
    public override void Apply(SqliteWriteCommands commands)
    {
        var actualVersion = commands.HeadOf(streamId);
        if (actualVersion != expectedVersion)
        {
            throw new EventStoreConcurrencyException(streamId, expectedVersion, actualVersion);
        }

        if (events.Count == 0)
        {
            return;
        }

        commands.InsertEvents(streamId, expectedVersion, events);
        commands.AdvanceHead(streamId, expectedVersion + events.Count);
    }
}
