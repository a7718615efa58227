using Governance.Grains.Storage;
using Governance.Grains.Storage.Sqlite;
using Governance.TestServices;
using Microsoft.Data.Sqlite;

namespace Governance.Grains.Tests.Storage;

public sealed class SqliteEventStoreTests : DurableEventStoreContract
{
    private readonly TemporaryDirectory directory = new();

    // A nested path proves the store creates missing directories.
    private string DatabasePath => Path.Combine(directory.Path, "nested", "governance.db");

    private SqliteEventStore Sqlite => (SqliteEventStore)Store;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        directory.Dispose();
    }

    [Fact]
    public void The_database_file_is_created_in_write_ahead_log_mode()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Concurrent_appends_to_many_streams_share_transactions()
    {
        await AppendConcurrentlyAsync(streams: 40, appendsPerStream: 10);

        Assert.Equal(400, Sqlite.WriteRequestCount);
        Assert.InRange(Sqlite.WriteTransactionCount, 1, 399);
    }

    [Fact]
    public async Task A_conflict_inside_a_batch_fails_only_its_own_request()
    {
        // Two writers per stream, both expecting an empty stream.
        var appends = Enumerable.Range(0, 100)
            .Select(writer => Task.Run(() => Store.AppendAsync($"stream-{writer / 2}", 0, [Payload($"writer-{writer}")])));

        var outcomes = await Task.WhenAll(appends.Select(SucceededAsync));

        Assert.Equal(50, outcomes.Count(succeeded => succeeded));
        Assert.InRange(Sqlite.WriteTransactionCount, 1, 99);
        for (var stream = 0; stream < 50; stream++)
        {
            Assert.Single(await ReadAllAsync($"stream-{stream}"));
        }
    }

    [Fact]
    public async Task Disposing_writes_every_queued_append_first()
    {
        var appends = Enumerable.Range(0, 100).Select(stream => Store.AppendAsync($"stream-{stream}", 0, [Payload("x")])).ToList();

        await ReopenAsync();

        await Task.WhenAll(appends);
        for (var stream = 0; stream < 100; stream++)
        {
            Assert.Single(await ReadAllAsync($"stream-{stream}"));
        }
    }

    [Fact]
    public async Task Appending_after_dispose_throws()
    {
        await Sqlite.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => Store.AppendAsync("s", 0, [Payload("x")]));
    }

    protected override Task<IEventStore> CreateStoreAsync() =>
        Task.FromResult<IEventStore>(new SqliteEventStore(new SqliteStoreOptions(DatabasePath)));
}
