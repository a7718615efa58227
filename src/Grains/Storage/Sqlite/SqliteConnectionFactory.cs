using Microsoft.Data.Sqlite;

namespace Governance.Grains.Storage.Sqlite;

/// <summary>Opens connections to one database file with the durability settings every connection needs.</summary>
internal sealed class SqliteConnectionFactory
{
    // synchronous=FULL syncs the WAL on every commit, so a completed write survives a crash of the process or the machine.
    // busy_timeout lets a writer wait for another connection's write lock instead of failing at once.
    private const string ConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";

    private static readonly string[] JournalSuffixes = ["-wal", "-shm", "-journal"];

    private readonly string connectionString;

    public SqliteConnectionFactory(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath, nameof(options));
        var fullPath = Path.GetFullPath(options.DatabasePath);
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(fullPath)!);

        // SQLite gives the -wal and -shm files it creates the database file's mode, so a private database keeps them
        // private; one that exists from an earlier release is tightened, with whatever journal files it left.
        PrivateFiles.CreateOrRestrict(fullPath);
        foreach (var journal in JournalSuffixes)
        {
            PrivateFiles.Restrict(fullPath + journal);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, ConnectionPragmas);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A pooled connection for reads only. It sets no pragmas: a read syncs nothing, and Microsoft.Data.Sqlite retries
    /// a busy read until the command times out; running them on every open cost more than the reads of a new grain.
    /// </summary>
    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Switches the file to write-ahead logging, which lets readers run beside the single writer. It persists in the file.</summary>
    public static void EnableWriteAheadLog(SqliteConnection connection) => Execute(connection, "PRAGMA journal_mode = WAL;");

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Closes idle pooled connections, so a disposed store leaves no open file handles behind.</summary>
    public void ReleasePooledConnections()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
