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
        var database = DatabasePath;
        File.Copy(Path.Combine(FixtureDirectory, "governance.db"), database);
        if (!withSnapshots)
        {
            DropSnapshots(database);
        }

        _factory = new ApiFactory { SqlitePath = database };
    }

    public GovernanceClient Client => _factory.Client;

    /// <summary>This copy's database, which the API writes.</summary>
    public string DatabasePath => Path.Combine(_directory, "governance.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Each stored event of the fixture's logs of one cooperative, as (log, version, stored type), before anything ran.</summary>
    public static IReadOnlyList<(string Stream, long Version, string Type)> StoredEvents(string cooperativeId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(FixtureDirectory, "governance.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT stream, version, json_extract(data, '$.type') FROM events WHERE stream = $own OR stream LIKE $children ORDER BY stream, version";
        query.Parameters.AddWithValue("$own", $"cooperative/{cooperativeId}");
        query.Parameters.AddWithValue("$children", $"%/{cooperativeId}/%");
        using var reader = query.ExecuteReader();
        var events = new List<(string, long, string)>();
        while (reader.Read())
        {
            events.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return events;
    }

    /// <summary>The grains whose durable deadline reminders the database holds.</summary>
    public IReadOnlyList<string> DeadlineReminders()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT grain_id FROM reminders WHERE reminder_name = 'deadline' ORDER BY grain_id";
        using var reader = query.ExecuteReader();
        var grains = new List<string>();
        while (reader.Read())
        {
            grains.Add(reader.GetString(0));
        }

        return grains;
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
