namespace Governance.Grains.Hosting;

/// <summary>Which event store holds grain state. Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (the default, durable on one node) or "Memory" (lost on exit; for tests and trials).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteSection Sqlite { get; set; } = new();

    public sealed class SqliteSection
    {
        /// <summary>The database file, relative to the working directory unless absolute.</summary>
        public string Path { get; set; } = "data/governance.db";
    }
}

public enum StorageProvider
{
    Sqlite,
    Memory,
}
