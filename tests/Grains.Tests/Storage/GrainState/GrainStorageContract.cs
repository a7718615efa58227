using Governance.Grains.Hosting;
using Orleans.Storage;

namespace Governance.Grains.Tests.Storage.GrainState;

/// <summary>
/// The behaviour the governance grain storage must show on every durable provider, through the registration the silo
/// uses. Each provider gets one small subclass that says which storage options select it.
/// </summary>
public abstract class GrainStorageContract : IAsyncLifetime
{
    protected const string Settings = "settings";
    protected const string Cursor = "cursor";

    protected static readonly GrainId Endpoint = GrainId.Create("webhook-endpoint", "coop-1/endpoint-1");
    protected static readonly GrainId OtherEndpoint = GrainId.Create("webhook-endpoint", "coop-1/endpoint-2");

    private readonly List<GrainStorageHost> hosts = [];

    protected IGrainStorage Storage { get; private set; } = null!;

    /// <summary>Options that select the provider under test; every call within one test names the same file or container.</summary>
    protected abstract StorageOptions Options { get; }

    public async Task InitializeAsync() => Storage = await OpenAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>A second storage instance over the same data, as after a restart.</summary>
    protected async Task<IGrainStorage> OpenAsync()
    {
        var host = await GrainStorageHost.StartAsync(Options);
        hosts.Add(host);
        return host.Storage;
    }

    [Fact]
    public async Task A_state_never_written_reads_as_no_record_with_a_fresh_state()
    {
        var state = await ReadAsync(Storage, Settings, Endpoint);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new WebhookSettings(), state.State);
    }

    [Fact]
    public async Task A_written_state_reads_back_equal_with_the_etag_of_the_write()
    {
        var written = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/hook"));

        var read = await ReadAsync(Storage, Settings, Endpoint);

        Assert.True(written.RecordExists);
        Assert.True(read.RecordExists);
        Assert.Equal(Hook("https://a.example/hook"), read.State);
        Assert.False(string.IsNullOrEmpty(read.ETag));
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task Every_write_gives_a_new_etag()
    {
        var state = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/1"));
        var etags = new List<string?> { state.ETag };
        for (var attempt = 2; attempt <= 4; attempt++)
        {
            state.State = Hook($"https://a.example/{attempt}");
            await Storage.WriteStateAsync(Settings, Endpoint, state);
            etags.Add(state.ETag);
        }

        Assert.All(etags, etag => Assert.False(string.IsNullOrEmpty(etag)));
        Assert.Equal(4, etags.Distinct().Count());
        Assert.Equal(etags[^1], (await ReadAsync(Storage, Settings, Endpoint)).ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_throws_and_stores_nothing()
    {
        var first = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/first"));
        var staleETag = first.ETag;
        first.State = Hook("https://a.example/second");
        await Storage.WriteStateAsync(Settings, Endpoint, first);

        var stale = new GrainState<WebhookSettings>(Hook("https://a.example/stale"), staleETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(Settings, Endpoint, stale));

        var read = await ReadAsync(Storage, Settings, Endpoint);
        Assert.Equal(Hook("https://a.example/second"), read.State);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_without_an_etag_over_a_stored_state_throws_and_stores_nothing()
    {
        var stored = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/first"));

        // A second activation that never read the state believes nothing is stored.
        var unaware = new GrainState<WebhookSettings>(Hook("https://a.example/unaware"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(Settings, Endpoint, unaware));

        var read = await ReadAsync(Storage, Settings, Endpoint);
        Assert.Equal(Hook("https://a.example/first"), read.State);
        Assert.Equal(stored.ETag, read.ETag);
    }

    [Fact]
    public async Task Of_two_writers_holding_the_same_etag_exactly_one_wins()
    {
        var stored = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/0"));
        var other = await OpenAsync();
        var writers = Enumerable.Range(1, 2).Select(writer => new GrainState<WebhookSettings>(Hook($"https://a.example/{writer}"), stored.ETag)).ToList();

        var outcomes = await Task.WhenAll(
            SucceededAsync(Task.Run(() => Storage.WriteStateAsync(Settings, Endpoint, writers[0]))),
            SucceededAsync(Task.Run(() => other.WriteStateAsync(Settings, Endpoint, writers[1]))));

        Assert.Single(outcomes, succeeded => succeeded);
        var winner = writers[Array.IndexOf(outcomes, true)];
        Assert.Equal(winner.State, (await ReadAsync(Storage, Settings, Endpoint)).State);
    }

    [Fact]
    public async Task A_cleared_state_reads_as_no_record_and_can_be_written_again()
    {
        var state = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/hook"));

        await Storage.ClearStateAsync(Settings, Endpoint, state);

        Assert.False(state.RecordExists);
        Assert.Equal(new WebhookSettings(), state.State);
        var read = await ReadAsync(Storage, Settings, Endpoint);
        Assert.False(read.RecordExists);
        Assert.Equal(new WebhookSettings(), read.State);

        state.State = Hook("https://a.example/again");
        await Storage.WriteStateAsync(Settings, Endpoint, state);
        Assert.Equal(Hook("https://a.example/again"), (await ReadAsync(Storage, Settings, Endpoint)).State);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_throws_and_keeps_the_state()
    {
        var state = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/first"));
        var stale = new GrainState<WebhookSettings>(state.State, state.ETag);
        state.State = Hook("https://a.example/second");
        await Storage.WriteStateAsync(Settings, Endpoint, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(Settings, Endpoint, stale));

        var read = await ReadAsync(Storage, Settings, Endpoint);
        Assert.True(read.RecordExists);
        Assert.Equal(Hook("https://a.example/second"), read.State);
    }

    [Fact]
    public async Task A_clear_without_an_etag_over_a_stored_state_throws_and_keeps_it()
    {
        await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/first"));

        var unaware = new GrainState<WebhookSettings>(new WebhookSettings());
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(Settings, Endpoint, unaware));

        Assert.Equal(Hook("https://a.example/first"), (await ReadAsync(Storage, Settings, Endpoint)).State);
    }

    [Fact]
    public async Task A_write_with_the_etag_from_before_a_clear_throws()
    {
        var state = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/first"));
        var beforeClear = new GrainState<WebhookSettings>(Hook("https://a.example/late"), state.ETag);
        await Storage.ClearStateAsync(Settings, Endpoint, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(Settings, Endpoint, beforeClear));

        Assert.False((await ReadAsync(Storage, Settings, Endpoint)).RecordExists);
    }

    [Fact]
    public async Task A_second_storage_instance_sees_the_state_and_can_continue_writing_it()
    {
        var written = await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/hook"));

        var reopened = await OpenAsync();
        var read = await ReadAsync(reopened, Settings, Endpoint);

        Assert.True(read.RecordExists);
        Assert.Equal(Hook("https://a.example/hook"), read.State);
        Assert.Equal(written.ETag, read.ETag);
        read.State = Hook("https://a.example/moved");
        await reopened.WriteStateAsync(Settings, Endpoint, read);
        Assert.Equal(Hook("https://a.example/moved"), (await ReadAsync(Storage, Settings, Endpoint)).State);
    }

    [Fact]
    public async Task Each_grain_and_each_state_name_keeps_its_own_state()
    {
        await WriteNewAsync(Storage, Settings, Endpoint, Hook("https://a.example/settings-1"));
        await WriteNewAsync(Storage, Cursor, Endpoint, Hook("https://a.example/cursor-1"));
        await WriteNewAsync(Storage, Settings, OtherEndpoint, Hook("https://a.example/settings-2"));
        var cleared = await WriteNewAsync(Storage, Cursor, OtherEndpoint, Hook("https://a.example/cursor-2"));

        await Storage.ClearStateAsync(Cursor, OtherEndpoint, cleared);

        Assert.Equal(Hook("https://a.example/settings-1"), (await ReadAsync(Storage, Settings, Endpoint)).State);
        Assert.Equal(Hook("https://a.example/cursor-1"), (await ReadAsync(Storage, Cursor, Endpoint)).State);
        Assert.Equal(Hook("https://a.example/settings-2"), (await ReadAsync(Storage, Settings, OtherEndpoint)).State);
        Assert.False((await ReadAsync(Storage, Cursor, OtherEndpoint)).RecordExists);
    }

    protected static WebhookSettings Hook(string url) => new() { Url = url, MaxAttempts = 5, Mode = DeliveryMode.Batched };

    protected static async Task<GrainState<WebhookSettings>> ReadAsync(IGrainStorage storage, string stateName, GrainId grainId)
    {
        var state = new GrainState<WebhookSettings>(new WebhookSettings { Url = "not read" });
        await storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }

    protected static async Task<GrainState<WebhookSettings>> WriteNewAsync(IGrainStorage storage, string stateName, GrainId grainId, WebhookSettings settings)
    {
        var state = new GrainState<WebhookSettings>(settings);
        await storage.WriteStateAsync(stateName, grainId, state);
        return state;
    }

    private static async Task<bool> SucceededAsync(Task write)
    {
        try
        {
            await write;
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }
}
