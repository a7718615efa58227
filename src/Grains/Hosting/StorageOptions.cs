using Governance.Grains.Storage.Sqlite;

namespace Governance.Grains.Hosting;

/// <summary>Which store holds the event logs and the grain storage beside them. Configuration section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"Sqlite" (the default, durable on one node), "AzureBlob" (for clusters) or "Memory" (lost on exit; for tests and trials).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteSection Sqlite { get; set; } = new();

    public AzureBlobSection AzureBlob { get; set; } = new();

    public AzureTableSection AzureTable { get; set; } = new();

    public RetrySection Retry { get; set; } = new();

    public sealed class SqliteSection
    {
        /// <summary>The database file, relative to the working directory unless absolute.</summary>
        public string Path { get; set; } = "data/governance.db";

        /// <summary>The database file as an absolute path, for the event store, reminders and grain storage alike.</summary>
        public SqliteStoreOptions ToStoreOptions() => new(System.IO.Path.GetFullPath(Path));
    }

    /// <summary>The storage account of event logs and grain state, and of membership and reminders (see <see cref="AzureStorageAccount"/>).</summary>
    public sealed class AzureBlobSection
    {
        /// <summary>The account's connection string, with a key or a SAS; leave it empty to use <see cref="ServiceUri"/> instead.</summary>
        public string ConnectionString { get; set; } = "";

        /// <summary>The account's blob endpoint, e.g. https://account.blob.core.windows.net, reached with DefaultAzureCredential and no key.</summary>
        public string ServiceUri { get; set; } = "";

        /// <summary>The blob container of event logs and snapshots; created at start-up when missing.</summary>
        public string Container { get; set; } = "governance";

        /// <summary>Blocks (appends) per log segment before the next segment starts; at most 50,000.</summary>
        public int MaxBlocksPerSegment { get; set; } = 49_000;

        /// <summary>
        /// The blob container of grain storage (small state a grain rewrites whole, one JSON blob per grain and state),
        /// in the same storage account; created at start-up when missing.
        /// </summary>
        public string GrainStateContainer { get; set; } = "governance-state";
    }

    public sealed class AzureTableSection
    {
        /// <summary>
        /// The account's table endpoint, needed only beside <see cref="AzureBlobSection.ServiceUri"/> when it cannot be
        /// derived from it (an emulator or a custom domain); a connection string names its own TableEndpoint.
        /// </summary>
        public string ServiceUri { get; set; } = "";
    }

    /// <summary>
    /// How the Azure SDK retries a call to the storage account (blobs and tables alike). Bounded so that with the account
    /// unreachable a write fails within a few seconds, and the caller hears 503, instead of waiting through minutes of retries.
    /// </summary>
    public sealed class RetrySection
    {
        /// <summary>Retries after the first attempt of a call that failed transiently (a 5xx, throttling, a lost connection).</summary>
        public int MaxRetries { get; set; } = 2;

        /// <summary>The first pause between attempts; it doubles with each retry, up to <see cref="MaxDelay"/>.</summary>
        public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(200);

        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>How long one attempt may wait for the network (a connection, or the next bytes of a response).</summary>
        public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(3);
    }
}

public enum StorageProvider
{
    Sqlite,
    Memory,
    AzureBlob,
}
