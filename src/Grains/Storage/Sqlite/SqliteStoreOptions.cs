namespace Governance.Grains.Storage.Sqlite;

/// <summary>Where the embedded SQLite database lives. The event store and the reminder table share this file.</summary>
public sealed record SqliteStoreOptions(string DatabasePath);
