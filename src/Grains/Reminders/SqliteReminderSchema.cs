namespace Governance.Grains.Reminders;

/// <summary>The reminder table's own table in the shared database file, created at start-up when missing.</summary>
internal static class SqliteReminderSchema
{
    // Times are UTC ticks. The grain_hash index serves the range reads each silo makes for its share of the hash ring.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS reminders (
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash INTEGER NOT NULL,
            start_at INTEGER NOT NULL,
            period INTEGER NOT NULL,
            etag TEXT NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS reminders_by_grain_hash ON reminders (grain_hash);
        """;
}
