using Governance.Grains.Reminders;
using Governance.Grains.Storage.Sqlite;
using Governance.TestServices;
using Orleans.Runtime;

namespace Governance.Grains.Tests.Reminders;

public sealed class SqliteReminderTableTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTime Deadline = new(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private readonly TemporaryDirectory directory = new();
    private readonly List<SqliteEventStore> stores = [];
    private SqliteReminderTable table = null!;

    private SqliteStoreOptions Options => new(Path.Combine(directory.Path, "governance.db"));

    public async Task InitializeAsync() => table = await StartTableAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Reminder_writes_are_committed_by_the_event_stores_single_writer()
    {
        var before = stores[0].WriteRequestCount;

        var etag = await table.UpsertRow(Entry(GrainId.Create("proposal", "coop-1/p-1"), "deadline"));
        await table.RemoveRow(GrainId.Create("proposal", "coop-1/p-1"), "deadline", etag!);

        Assert.Equal(before + 2, stores[0].WriteRequestCount);
    }

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_the_returned_etag()
    {
        var grain = Grain("coop-1/proposal-1");

        var etag = await table.UpsertRow(Entry(grain, "deadline"));
        var row = await table.ReadRow(grain, "deadline");

        Assert.NotNull(row);
        Assert.Equal((grain, "deadline", Deadline, TimeSpan.FromMinutes(5), etag), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
    }

    [Fact]
    public async Task A_missing_reminder_reads_as_null()
    {
        Assert.Null(await table.ReadRow(Grain("nobody"), "deadline"));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_row_and_issues_a_new_etag()
    {
        var grain = Grain("g");
        var first = await table.UpsertRow(Entry(grain, "deadline"));

        var second = await table.UpsertRow(Entry(grain, "deadline", period: TimeSpan.FromHours(1)));

        Assert.NotEqual(first, second);
        var rows = (await table.ReadRows(grain)).Reminders;
        Assert.Equal((TimeSpan.FromHours(1), second), (Assert.Single(rows).Period, rows[0].ETag));
    }

    [Fact]
    public async Task Reading_by_grain_returns_only_that_grains_reminders()
    {
        await table.UpsertRow(Entry(Grain("a"), "one"));
        await table.UpsertRow(Entry(Grain("a"), "two"));
        await table.UpsertRow(Entry(Grain("b"), "one"));

        var names = (await table.ReadRows(Grain("a"))).Reminders.Select(r => r.ReminderName).Order();

        Assert.Equal(["one", "two"], names);
    }

    [Fact]
    public async Task Removing_with_the_current_etag_deletes_the_row()
    {
        var grain = Grain("g");
        var etag = await table.UpsertRow(Entry(grain, "deadline"));

        Assert.True(await table.RemoveRow(grain, "deadline", etag!));
        Assert.Null(await table.ReadRow(grain, "deadline"));
    }

    [Fact]
    public async Task Removing_with_a_stale_etag_fails_and_keeps_the_row()
    {
        var grain = Grain("g");
        var stale = await table.UpsertRow(Entry(grain, "deadline"));
        var current = await table.UpsertRow(Entry(grain, "deadline"));

        Assert.False(await table.RemoveRow(grain, "deadline", stale!));
        Assert.Equal(current, (await table.ReadRow(grain, "deadline"))!.ETag);
    }

    [Fact]
    public async Task Removing_a_missing_reminder_returns_false()
    {
        Assert.False(await table.RemoveRow(Grain("g"), "deadline", "any"));
    }

    [Theory]
    [InlineData(0.2, 0.7)]
    [InlineData(0.7, 0.2)]
    [InlineData(0.5, 0.5)]
    [InlineData(0.0, 1.0)]
    public async Task Range_reads_return_the_grains_whose_hash_lies_in_the_ring_range(double beginFraction, double endFraction)
    {
        var grains = Enumerable.Range(0, 60).Select(n => Grain($"coop/proposal-{n}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "deadline"));
        }

        var begin = (uint)(uint.MaxValue * beginFraction);
        var end = (uint)(uint.MaxValue * endFraction);

        var found = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order();

        var expected = grains.Where(g => InRing(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order();
        Assert.Equal(expected, found);
    }

    [Fact]
    public async Task A_range_boundary_excludes_begin_and_includes_end()
    {
        var grain = Grain("g");
        var hash = grain.GetUniformHashCode();
        await table.UpsertRow(Entry(grain, "deadline"));

        Assert.Single((await table.ReadRows(hash - 1, hash)).Reminders);
        Assert.Empty((await table.ReadRows(hash, hash + 1)).Reminders);
    }

    [Fact]
    public async Task Reminders_survive_reopening_the_database()
    {
        var grain = Grain("coop-1/proposal-1");
        var etag = await table.UpsertRow(Entry(grain, "deadline"));

        table = await StartTableAsync();

        Assert.Equal(etag, (await table.ReadRow(grain, "deadline"))!.ETag);
    }

    [Fact]
    public async Task Clearing_the_table_removes_every_reminder()
    {
        await table.UpsertRow(Entry(Grain("a"), "one"));
        await table.UpsertRow(Entry(Grain("b"), "one"));

        await table.TestOnlyClearTable();

        Assert.Empty((await table.ReadRows(0, 0)).Reminders);
    }

    private static bool InRing(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static GrainId Grain(string key) => GrainId.Create("proposal", key);

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan? period = null) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Deadline,
        Period = period ?? TimeSpan.FromMinutes(5),
    };

    /// <summary>A table over a store of its own on the same file, as after a restart.</summary>
    private async Task<SqliteReminderTable> StartTableAsync()
    {
        var store = new SqliteEventStore(Options);
        stores.Add(store);
        var started = new SqliteReminderTable(store);
        await started.StartAsync(CancellationToken.None);
        return started;
    }
}
