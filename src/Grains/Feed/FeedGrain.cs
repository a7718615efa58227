using System.Globalization;
using System.Runtime.CompilerServices;
using Governance.Contracts.Feed;
using Governance.Contracts.Webhooks;
using Governance.Grains.EventSourcing;
using Governance.Grains.Logging;
using Governance.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Governance.Grains.Feed;

/// <summary>
/// A cooperative's event feed. Its log holds each feed event of the cooperative's grains once, in the order they
/// reached it, so a cursor is a version of that log and stays valid across restarts and silos.
/// <para>
/// Sources push what they commit. The feed appends an event of log S only when it is the next one it has not seen
/// (its version is above S's position), so repeats and reordered pushes add nothing, and a push beyond a gap makes it
/// pull the gap from the source first. Pushes can be lost (a silo dies after the append), so the feed also reconciles:
/// at activation and then every <see cref="FeedOptions.ReconcileInterval"/>, it compares each watched log's stored
/// version with its position and pulls what is missing. Each source is watched before its first append, so the logs
/// themselves are the outbox: nothing beyond the grain's own append has to be written for an event to count.
/// </para>
/// </summary>
[Reentrant]
public sealed class FeedGrain : EventSourcedGrain<FeedRecord>, IFeedGrain
{
    private readonly IEventStore _store;
    private readonly FeedOptions _options;
    private readonly ILogger<FeedGrain> _logger;
    private readonly Dictionary<string, long> _positions = new(StringComparer.Ordinal);
    private bool _discovered;
    private TaskCompletionSource _advanced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FeedGrain(IEventStore store, IOptions<EventSourcingOptions> eventSourcing, IOptions<FeedOptions> options, ILogger<FeedGrain> logger)
        : base(store, eventSourcing.Value, logger)
    {
        _store = store;
        _options = options.Value;
        _logger = logger;
    }

    protected override string StreamId => FeedLog.StreamOf(CooperativeId);

    private string CooperativeId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _positions.TryAdd(CooperativeStream, 0);
        this.RegisterGrainTimer(ReconcileAsync, new GrainTimerCreationOptions(TimeSpan.Zero, _options.ReconcileInterval));
    }

    public async Task Publish(FeedBatch batch)
    {
        var position = PositionOf(batch.StreamId);
        if (batch.LastVersion <= position)
        {
            return;
        }

        if (batch.AfterVersion > position)
        {
            await CatchUpAsync(batch.StreamId);
            return;
        }

        Ingest(batch);
        await WhenDurable();
    }

    public Task KeepActive() => Task.CompletedTask;

    public async IAsyncEnumerable<string> WatchEnd([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var end = -1L;
        while (true)
        {
            while (DurableVersion == end)
            {
                await _advanced.Task.WaitAsync(cancellationToken);
            }

            end = DurableVersion;
            yield return end.ToString(CultureInfo.InvariantCulture);
        }
    }

    public async Task Track(string streamId)
    {
        if (_positions.ContainsKey(streamId))
        {
            await WhenDurable();
            return;
        }

        await Commit(new FeedSourceTracked(streamId));
    }

    protected override void Apply(FeedRecord @event)
    {
        switch (@event)
        {
            case FeedEventRecorded recorded:
                _positions[recorded.Stream] = Math.Max(PositionOf(recorded.Stream), recorded.Version);
                break;
            case FeedSourceTracked tracked:
                _positions.TryAdd(tracked.Stream, 0);
                break;
            case FeedSourcesDiscovered:
                _discovered = true;
                break;
        }
    }

    protected override byte[] WriteSnapshot() => EventSerializer.Serialize(new FeedSnapshot(_positions, _discovered));

    protected override void RestoreSnapshot(byte[] snapshot)
    {
        var restored = EventSerializer.Deserialize<FeedSnapshot>(snapshot);
        foreach (var (stream, position) in restored.Positions)
        {
            _positions[stream] = position;
        }

        _discovered = restored.Discovered;
    }

    private string CooperativeStream => $"cooperative/{CooperativeId}";

    private long PositionOf(string streamId) => _positions.GetValueOrDefault(streamId);

    /// <summary>
    /// Appends the batch's events the feed has not seen, in their log's order; synchronous, so no two turns
    /// interleave within it.
    /// </summary>
    private void Ingest(FeedBatch batch)
    {
        foreach (var item in batch.Items)
        {
            if (item.Version > PositionOf(batch.StreamId))
            {
                _ = Commit(FeedEventRecorded.Of(batch.StreamId, batch.Source, item));
            }
        }

        // Versions that are no feed event are covered too; after a restart they are only read again, never recorded.
        _positions[batch.StreamId] = Math.Max(PositionOf(batch.StreamId), batch.LastVersion);
    }

    /// <summary>
    /// Tells the webhooks and the live readers once per durable batch with new events, so they deliver without
    /// waiting; under load one write carries many pushes, and one wake serves them all.
    /// </summary>
    protected override void OnDurable(long afterVersion, IReadOnlyList<FeedRecord> events)
    {
        if (events.Any(@event => @event is FeedEventRecorded))
        {
            _ = GrainFactory.GetGrain<IWebhookRegistryGrain>(CooperativeId).FeedAdvanced();
            var advanced = _advanced;
            _advanced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            advanced.SetResult();
        }
    }

    /// <summary>Pulls from the source until the feed has everything its log held when asked.</summary>
    private async Task CatchUpAsync(string streamId)
    {
        var source = FeedSources.Resolve(GrainFactory, streamId);
        while (true)
        {
            var position = PositionOf(streamId);
            var batch = await source.ReadFeed(position);
            Ingest(batch);
            if (batch.LastVersion <= position)
            {
                break;
            }
        }

        await WhenDurable();
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_discovered)
            {
                await DiscoverAsync();
            }

            foreach (var streamId in _positions.Keys.ToList())
            {
                if (await _store.ReadVersionAsync(streamId, cancellationToken) > PositionOf(streamId))
                {
                    await CatchUpAsync(streamId);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next round tries again; until then the events wait in their own logs, where nothing is lost.
            _logger.FeedReconcileFailed(exception, CooperativeId);
        }
    }

    /// <summary>Watches the logs written before this cooperative had a feed, found through its indexes.</summary>
    private async Task DiscoverAsync()
    {
        foreach (var streamId in await FeedDiscovery.StreamsAsync(GrainFactory, CooperativeId))
        {
            if (!_positions.ContainsKey(streamId))
            {
                _ = Commit(new FeedSourceTracked(streamId));
            }
        }

        await Commit(new FeedSourcesDiscovered());
    }
}
