using System.Text;
using Governance.Grains.Storage;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IEventStore"/> must show. Each store gets one small subclass that says how to create it.
/// </summary>
public abstract class EventStoreContract : IAsyncLifetime
{
    protected IEventStore Store { get; private set; } = null!;

    /// <summary>Creates the store under test. Durable stores reopen the same storage on every call within one test.</summary>
    protected abstract Task<IEventStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual async Task DisposeAsync() => await DisposeStoreAsync();

    [Fact]
    public async Task Unknown_stream_has_no_events_and_no_snapshot()
    {
        Assert.Empty(await ReadAllAsync("unknown"));
        Assert.Null(await Store.ReadSnapshotAsync("unknown"));
    }

    [Fact]
    public async Task Appended_events_read_back_in_version_order()
    {
        await Store.AppendAsync("s", 0, [Payload("a"), Payload("b"), Payload("c")]);
        await Store.AppendAsync("s", 3, [Payload("d")]);

        var events = await ReadAllAsync("s");

        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Version));
        Assert.Equal(["a", "b", "c", "d"], events.Select(e => Text(e.Data)));
    }

    [Fact]
    public async Task The_version_is_zero_for_an_unknown_stream_and_the_last_appended_after_appends()
    {
        Assert.Equal(0, await Store.ReadVersionAsync("s"));
        await Store.AppendAsync("s", 0, [Payload("a"), Payload("b")]);
        await Store.AppendAsync("s", 2, [Payload("c")]);
        await Store.AppendAsync("other", 0, [Payload("x")]);

        Assert.Equal(3, await Store.ReadVersionAsync("s"));
        Assert.Equal(1, await Store.ReadVersionAsync("other"));
    }

    [Fact]
    public async Task Reading_after_a_version_returns_only_later_events()
    {
        await Store.AppendAsync("s", 0, [Payload("a"), Payload("b"), Payload("c"), Payload("d")]);

        Assert.Equal(["c", "d"], (await ReadAllAsync("s", afterVersion: 2)).Select(e => Text(e.Data)));
        Assert.Empty(await ReadAllAsync("s", afterVersion: 4));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_stale_or_future_expected_version_throws_and_writes_nothing(long expectedVersion)
    {
        await Store.AppendAsync("s", 0, [Payload("a"), Payload("b")]);

        var conflict = await Assert.ThrowsAsync<EventStoreConcurrencyException>(
            () => Store.AppendAsync("s", expectedVersion, [Payload("x")]));

        Assert.Equal(("s", expectedVersion, 2L), (conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(["a", "b"], (await ReadAllAsync("s")).Select(e => Text(e.Data)));
    }

    [Fact]
    public async Task A_new_stream_expects_version_zero()
    {
        await Assert.ThrowsAsync<EventStoreConcurrencyException>(() => Store.AppendAsync("s", 1, [Payload("x")]));

        Assert.Empty(await ReadAllAsync("s"));
    }

    [Fact]
    public async Task An_empty_append_checks_the_version_and_writes_nothing()
    {
        await Store.AppendAsync("s", 0, [Payload("a")]);

        await Store.AppendAsync("s", 1, []);
        await Assert.ThrowsAsync<EventStoreConcurrencyException>(() => Store.AppendAsync("s", 0, []));

        Assert.Single(await ReadAllAsync("s"));
    }

    [Fact]
    public async Task Invalid_arguments_are_rejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.AppendAsync("s", -1, [Payload("a")]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("", 0, [Payload("a")]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.AppendAsync("s", 0, [null!]));
    }

    [Fact]
    public async Task Of_two_concurrent_writers_expecting_the_same_version_exactly_one_wins()
    {
        for (var version = 0L; version < 20; version++)
        {
            var expected = version;
            var first = Task.Run(() => Store.AppendAsync("s", expected, [Payload($"first-{expected}")]));
            var second = Task.Run(() => Store.AppendAsync("s", expected, [Payload($"second-{expected}")]));

            var outcomes = await Task.WhenAll(SucceededAsync(first), SucceededAsync(second));

            Assert.Single(outcomes, succeeded => succeeded);
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(v => (long)v), (await ReadAllAsync("s")).Select(e => e.Version));
    }

    [Fact]
    public async Task Many_concurrent_appends_to_many_streams_all_land_exactly_once()
    {
        const int streams = 40;
        const int appendsPerStream = 10;

        await AppendConcurrentlyAsync(streams, appendsPerStream);

        for (var stream = 0; stream < streams; stream++)
        {
            var events = await ReadAllAsync($"stream-{stream}");
            Assert.Equal(Enumerable.Range(1, appendsPerStream).Select(v => (long)v), events.Select(e => e.Version));
            Assert.Equal(Enumerable.Range(0, appendsPerStream).Select(n => $"{stream}:{n}"), events.Select(e => Text(e.Data)));
        }
    }

    [Fact]
    public async Task A_saved_snapshot_reads_back()
    {
        await Store.SaveSnapshotAsync("s", new SnapshotRecord(7, Payload("state at 7")));

        var snapshot = await Store.ReadSnapshotAsync("s");

        Assert.Equal((7L, "state at 7"), (snapshot!.Version, Text(snapshot.Data)));
    }

    [Fact]
    public async Task An_older_snapshot_never_replaces_a_newer_one()
    {
        await Store.SaveSnapshotAsync("s", new SnapshotRecord(10, Payload("ten")));
        await Store.SaveSnapshotAsync("s", new SnapshotRecord(5, Payload("five")));
        Assert.Equal("ten", Text((await Store.ReadSnapshotAsync("s"))!.Data));

        await Store.SaveSnapshotAsync("s", new SnapshotRecord(12, Payload("twelve")));
        Assert.Equal("twelve", Text((await Store.ReadSnapshotAsync("s"))!.Data));
    }

    [Fact]
    public async Task A_long_log_reads_back_completely()
    {
        const int batches = 100;
        const int eventsPerBatch = 50;
        for (var batch = 0; batch < batches; batch++)
        {
            var first = batch * eventsPerBatch;
            await Store.AppendAsync("long", first, [.. Enumerable.Range(first + 1, eventsPerBatch).Select(v => Payload(v.ToString()))]);
        }

        var events = await ReadAllAsync("long");

        Assert.Equal(batches * eventsPerBatch, events.Count);
        Assert.All(events, (record, index) => Assert.Equal((index + 1L, (index + 1).ToString()), (record.Version, Text(record.Data))));
        Assert.Equal(1000, (await ReadAllAsync("long", afterVersion: 4000)).Count);
    }

    [Fact]
    public async Task Appends_of_every_size_read_back_whole_and_in_order_beside_another_stream()
    {
        int[] sizes = [1, 63, 64, 65, 129, 2_000, 7];
        var version = 0L;
        for (var append = 0; append < sizes.Length; append++)
        {
            var from = version;
            await Task.WhenAll(
                Store.AppendAsync("large", from, [.. Enumerable.Range(1, sizes[append]).Select(i => Payload($"{from + i}"))]),
                Store.AppendAsync("beside", append, [Payload($"beside {sizes[append]}")]));
            version += sizes[append];
        }

        var events = await ReadAllAsync("large");

        Assert.Equal(sizes.Sum(), events.Count);
        Assert.All(events, (record, index) => Assert.Equal((index + 1L, (index + 1).ToString()), (record.Version, Text(record.Data))));
        Assert.Equal(sizes.Select(size => $"beside {size}"), (await ReadAllAsync("beside")).Select(e => Text(e.Data)));
        await Assert.ThrowsAsync<EventStoreConcurrencyException>(
            () => Store.AppendAsync("large", version - 1, [.. Enumerable.Range(0, 130).Select(i => Payload("stale"))]));
        Assert.Equal(version, await Store.ReadVersionAsync("large"));
    }

    protected static byte[] Payload(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(byte[] data) => Encoding.UTF8.GetString(data);

    protected async Task<List<EventRecord>> ReadAllAsync(string streamId, long afterVersion = 0) =>
        await Store.ReadEventsAsync(streamId, afterVersion).ToListAsync();

    /// <summary>Every stream gets its own writer, appending one event at a time; all writers run at once.</summary>
    protected async Task AppendConcurrentlyAsync(int streams, int appendsPerStream)
    {
        await Task.WhenAll(Enumerable.Range(0, streams).Select(stream => Task.Run(async () =>
        {
            for (var version = 0; version < appendsPerStream; version++)
            {
                await Store.AppendAsync($"stream-{stream}", version, [Payload($"{stream}:{version}")]);
            }
        })));
    }

    /// <summary>Disposes the current store and opens the same storage again.</summary>
    protected async Task ReopenAsync()
    {
        await DisposeStoreAsync();
        Store = await CreateStoreAsync();
    }

    /// <summary>True when the append succeeded, false when it lost to a concurrent writer.</summary>
    protected static async Task<bool> SucceededAsync(Task append)
    {
        try
        {
            await append;
            return true;
        }
        catch (EventStoreConcurrencyException)
        {
            return false;
        }
    }

    private async Task DisposeStoreAsync()
    {
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
