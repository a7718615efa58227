using System.Text.Json;
using Governance.Grains.Hosting;
using Governance.Grains.Storage.Sqlite;
using Governance.TestServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Grains.Tests.Storage.GrainState;

public sealed class SqliteGrainStorageTests : GrainStorageContract
{
    private readonly TemporaryDirectory directory = new();

    private string DatabasePath => Path.Combine(directory.Path, "governance.db");

    protected override StorageOptions Options => new()
    {
        Provider = StorageProvider.Sqlite,
        Sqlite = new StorageOptions.SqliteSection { Path = DatabasePath },
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task The_state_is_readable_json_in_the_grain_state_table_of_the_event_database()
    {
        await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/hook"));

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type, grain_id, state_name, etag, data FROM grain_state";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(("webhook-endpoint", "coop-1/endpoint-1", Settings), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        Assert.False(string.IsNullOrEmpty(reader.GetString(3)));
        using var json = JsonDocument.Parse(reader.GetString(4));
        Assert.Equal("https://a.example/hook", json.RootElement.GetProperty("url").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("maxAttempts").GetInt32());
        Assert.Equal("Batched", json.RootElement.GetProperty("mode").GetString());
        Assert.False(reader.Read());
    }

    [Fact]
    public async Task Grain_state_writes_are_committed_by_the_event_stores_single_writer()
    {
        await using var host = await GrainStorageHost.StartAsync(Options);
        var store = host.Services.GetRequiredService<SqliteEventStore>();
        var before = store.WriteRequestCount;

        var state = await WriteNewAsync(host.Storage, Settings, Endpoint, Hook("https://a.example/1"));
        await host.Storage.WriteStateAsync(Settings, Endpoint, state);
        await host.Storage.ClearStateAsync(Settings, Endpoint, state);

        Assert.Equal(before + 3, store.WriteRequestCount);
    }

    [Fact]
    public async Task Grain_state_writes_and_event_appends_share_the_file_without_failing_each_other()
    {
        await using var events = new SqliteEventStore(Options.Sqlite.ToStoreOptions());
        var appends = Enumerable.Range(0, 20)
            .Select(stream => Task.Run(() => events.AppendAsync($"stream-{stream}", 0, [[1, 2, 3]])));
        var writes = Enumerable.Range(0, 20)
            .Select(endpoint => Task.Run(() => WriteNewAsync(Storage, Settings, GrainId.Create("webhook-endpoint", $"e-{endpoint}"), Hook($"https://a.example/{endpoint}"))));

        await Task.WhenAll(appends.Concat<Task>(writes));

        for (var endpoint = 0; endpoint < 20; endpoint++)
        {
            var read = await ReadAsync(Storage, Settings, GrainId.Create("webhook-endpoint", $"e-{endpoint}"));
            Assert.Equal(Hook($"https://a.example/{endpoint}"), read.State);
            Assert.Single(await events.ReadEventsAsync($"stream-{endpoint}", 0).ToListAsync());
        }
    }
}
