using Microsoft.Data.Sqlite;

namespace Governance.Api.Tests.Upgrade;

/// <summary>
/// The API over a fresh copy of the upgrade fixture's event log (Fixtures/governance.db), so that tests which write
/// never change the committed file or each other's reading of it. The fixture holds snapshots and the events after
/// them; without its snapshots, every log is replayed from its first event.
/// </summary>
public sealed class UpgradedApi : IAsyncLifetime, IAsyncDisposable
{
    public static readonly string FixtureDirectory = Path.Combine(AppContext.BaseDirectory, "Upgrade", "Fixtures");

    private readonly string _directory = Directory.CreateTempSubdirectory("upgrade-").FullName;
    private readonly ApiFactory _factory;

    public UpgradedApi()
        : this(withSnapshots: true)
    {
    }

    public UpgradedApi(bool withSnapshots)
    {
        var database = Path.Combine(_directory, "governance.db");
        File.Copy(Path.Combine(FixtureDirectory, "governance.db"), database);
        if (!withSnapshots)
        {
            DropSnapshots(database);
        }

        _factory = new ApiFactory { SqlitePath = database };
    }

    public GovernanceClient Client => _factory.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static void DropSnapshots(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM snapshots";
        Assert.True(delete.ExecuteNonQuery() > 0, "The fixture should hold snapshots.");
    }

    /// <summary>For a test's own copy, with <c>await using</c>.</summary>
    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
