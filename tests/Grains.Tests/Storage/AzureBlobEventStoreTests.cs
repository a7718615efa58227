using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Governance.Grains.Hosting;
using Governance.Grains.Storage;
using Governance.Grains.Storage.AzureBlob;

namespace Governance.Grains.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobEventStoreTests(AzuriteFixture azurite) : DurableEventStoreContract
{
    // Every test gets its own container, so tests never see each other's streams.
    private readonly string containerName = $"test-{Guid.NewGuid():N}";

    [Fact]
    public async Task Of_two_stores_appending_to_one_stream_at_the_same_version_exactly_one_wins()
    {
        var first = await OpenStoreAsync();
        var second = await OpenStoreAsync();
        for (var version = 0L; version < 10; version++)
        {
            var expected = version;
            var outcomes = await Task.WhenAll(
                SucceededAsync(Task.Run(() => first.AppendAsync("s", expected, [Payload($"first-{expected}")]))),
                SucceededAsync(Task.Run(() => second.AppendAsync("s", expected, [Payload($"second-{expected}")]))));

            Assert.Single(outcomes, succeeded => succeeded);
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), (await ReadAllAsync("s")).Select(e => e.Version));
    }

    [Fact]
    public async Task A_log_longer_than_one_segment_reads_back_completely_and_appends_continue()
    {
        var store = await OpenStoreAsync(maxBlocksPerSegment: 3);
        for (var batch = 0; batch < 10; batch++)
        {
            await store.AppendAsync("s", batch * 2, [Payload($"{(batch * 2) + 1}"), Payload($"{(batch * 2) + 2}")]);
        }

        var reopened = await OpenStoreAsync(maxBlocksPerSegment: 3);
        await reopened.AppendAsync("s", 20, [Payload("21")]);

        Assert.Equal(4, await CountBlobsAsync("streams/"));
        var events = await reopened.ReadEventsAsync("s", 0).ToListAsync();
        Assert.All(events, (record, index) => Assert.Equal((index + 1L, (index + 1).ToString()), (record.Version, Text(record.Data))));
        Assert.Equal(21, events.Count);
        Assert.Equal(["14", "15", "16", "17", "18", "19", "20", "21"], (await reopened.ReadEventsAsync("s", 13).ToListAsync()).Select(e => Text(e.Data)));
        await Assert.ThrowsAsync<EventStoreConcurrencyException>(() => store.AppendAsync("s", 20, [Payload("late")]));
    }

    [Fact]
    public async Task An_append_whose_response_was_lost_is_stored_once_and_reported_as_written()
    {
        var options = AzureStorageAccount.CreateBlobClientOptions(new StorageOptions.RetrySection());
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var losing = new LoseFirstAppendResponsePolicy();
        options.AddPolicy(losing, HttpPipelinePosition.PerRetry);
        var store = new AzureBlobEventStore(new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(containerName), 100);

        await store.AppendAsync("s", 0, [Payload("a")]);
        await store.AppendAsync("s", 1, [Payload("b")]);

        Assert.True(losing.LostOne);
        Assert.Equal(["a", "b"], (await ReadAllAsync("s")).Select(e => Text(e.Data)));
    }

    [Theory]
    [InlineData(503, false)]
    [InlineData(500, false)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    public async Task An_append_that_meets_server_errors_is_retried_and_stored_once(int status, bool afterReachingTheService)
    {
        var options = AzureStorageAccount.CreateBlobClientOptions(new StorageOptions.RetrySection());
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var failing = new FailingAppendsTransport(status, afterReachingTheService, failures: 2);
        options.Transport = failing;
        var store = new AzureBlobEventStore(new BlobServiceClient(azurite.ConnectionString, options).GetBlobContainerClient(containerName), 100);

        await store.AppendAsync("s", 0, [Payload("a")]);
        await store.AppendAsync("s", 1, [Payload("b")]);

        Assert.Equal(2, failing.Failed);
        Assert.Equal(["a", "b"], (await ReadAllAsync("s")).Select(e => Text(e.Data)));
    }

    protected override async Task<IEventStore> CreateStoreAsync() => await OpenStoreAsync();

    private async Task<AzureBlobEventStore> OpenStoreAsync(int maxBlocksPerSegment = AzureBlobStoreOptions.AppendBlobBlockLimit)
    {
        var container = new BlobServiceClient(azurite.ConnectionString, AzureStorageAccount.CreateBlobClientOptions(new StorageOptions.RetrySection())).GetBlobContainerClient(containerName);
        var store = new AzureBlobEventStore(container, maxBlocksPerSegment);
        await store.InitializeAsync();
        return store;
    }

    private async Task<int> CountBlobsAsync(string prefix)
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(containerName);
        return await container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }).CountAsync();
    }

    /// <summary>Lets the first append reach the service, then drops its response, as a broken connection would.</summary>
    private sealed class LoseFirstAppendResponsePolicy : HttpPipelinePolicy
    {
        private int appends;

        public bool LostOne => Volatile.Read(ref appends) > 1;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            ThrowOnFirstAppend(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            ThrowOnFirstAppend(message);
        }

        private void ThrowOnFirstAppend(HttpMessage message)
        {
            if (message.Request.Uri.Query.Contains("comp=appendblock", StringComparison.Ordinal) && Interlocked.Increment(ref appends) == 1)
            {
                throw new IOException("The response to the first append was lost.");
            }
        }
    }
}
