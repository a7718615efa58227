namespace Governance.Grains.Storage.Sqlite;

/// <summary>The event store's tables, created at start-up when missing.</summary>
internal static class SqliteEventSchema
{
    // events is clustered by (stream, version): replaying a stream is one range scan, and a stream's head one seek.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            stream TEXT NOT NULL,
            version INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (stream, version)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS snapshots (
            stream TEXT NOT NULL PRIMARY KEY,
            version INTEGER NOT NULL,
            data BLOB NOT NULL
        );
        """;
}
