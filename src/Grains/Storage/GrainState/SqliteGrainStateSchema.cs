namespace Governance.Grains.Storage.GrainState;

/// <summary>The grain state table in the shared database file, created at start-up when missing.</summary>
internal static class SqliteGrainStateSchema
{
    // A durable format: the table and column names stay as they are. data is the state's JSON text.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            state_name TEXT NOT NULL,
            etag TEXT NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_id, state_name)
        );
        """;
}
