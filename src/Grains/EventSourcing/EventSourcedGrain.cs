using Governance.Contracts.Errors;
using Governance.Grains.Logging;
using Governance.Grains.Storage;
using Governance.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.EventSourcing;

/// <summary>
/// A grain whose state is the fold of its event log. Commands apply their event at once, so later commands see it,
/// and reply only when it is durable. Grains deriving from this are reentrant: commands that arrive while an append
/// is in flight are written together in the next append (group commit). If an append fails, every waiting command
/// fails, the grain refuses further work and deactivates, and the next activation reloads from the log.
/// </summary>
public abstract class EventSourcedGrain<TEvent> : Grain
    where TEvent : class
{
    private readonly IEventStore _store;
    private readonly EventSourcingOptions _options;
    private readonly ILogger _logger;
    private List<TEvent> _pending = [];
    private TaskCompletionSource? _pendingCommit;
    private TaskCompletionSource? _inFlightCommit;
    private Task _flushing = Task.CompletedTask;
    private Exception? _fault;
    private long _durableVersion;
    private long _snapshotVersion;
    private IGrainTimer? _quietSnapshot;
    private long _versionAtQuietCheck;

    protected EventSourcedGrain(IEventStore store, EventSourcingOptions options, ILogger logger)
    {
        _store = store;
        _options = options;
        _logger = logger;
    }

    /// <summary>The version of the last event known to be in the store.</summary>
    protected long DurableVersion => _durableVersion;

    /// <summary>The log this grain's events go to.</summary>
    protected abstract string StreamId { get; }

    protected abstract void Apply(TEvent @event);

    /// <summary>The state as a snapshot, or null for grains whose logs stay short.</summary>
    protected abstract byte[]? WriteSnapshot();

    /// <summary>False for grains that never write a snapshot: their activation then asks the store for none.</summary>
    protected virtual bool KeepsSnapshots => true;

    /// <summary>
    /// Restores the whole state from a snapshot, or throws before changing any of it: a snapshot that cannot be read
    /// is set aside and the state is rebuilt from the whole log.
    /// </summary>
    protected abstract void RestoreSnapshot(byte[] snapshot);

    /// <summary>One stored event; a grain whose log has a format of its own reads it here.</summary>
    protected virtual TEvent ReadEvent(byte[] data) => EventSerializer.Deserialize<TEvent>(data);

    /// <summary>One event as it is stored; see <see cref="ReadEvent"/>.</summary>
    protected virtual byte[] WriteEvent(TEvent @event) => EventSerializer.Serialize(@event);

    /// <summary>Runs once before the log's first append; if it fails, nothing is appended and the commands fail.</summary>
    protected virtual Task BeforeFirstAppendAsync() => Task.CompletedTask;

    /// <summary>Called once a batch is durable, before its commands reply: <paramref name="events"/> follow <paramref name="afterVersion"/>.</summary>
    protected virtual void OnDurable(long afterVersion, IReadOnlyList<TEvent> events)
    {
    }

    /// <summary>The durable log after <paramref name="afterVersion"/>, as stored; for publishing it, not for state.</summary>
    protected async IAsyncEnumerable<(long Version, TEvent Event)> ReadLogAsync(long afterVersion)
    {
        await foreach (var record in _store.ReadEventsAsync(StreamId, afterVersion))
        {
            yield return (record.Version, ReadEvent(record.Data));
        }
    }

    /// <summary>Whether enough events followed the last snapshot to write a new one.</summary>
    protected virtual bool SnapshotDue(long eventsSinceSnapshot, int snapshotEvery) => eventsSinceSnapshot >= snapshotEvery;

    /// <summary>
    /// True for a grain whose <see cref="SnapshotDue"/> waits for more than SnapshotEvery events: it then writes one
    /// once no append came for SnapshotWhenQuietFor, so that its replay after a crash stays short.
    /// </summary>
    protected virtual bool SnapshotsWhenQuiet => false;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not (GovernanceException or TemporarilyUnavailableException))
        {
            // The store is unreachable (or failed): this activation is discarded, and the caller hears 503 rather than
            // the store's own error, so that it retries once the log can be read again.
            _logger.ActivationReadFailed(exception, StreamId);
            throw new TemporarilyUnavailableException("The data could not be read from storage; nothing was changed. Retry the request.", exception);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = KeepsSnapshots ? await _store.ReadSnapshotAsync(StreamId, cancellationToken) : null;
        if (snapshot is not null && TryRestoreSnapshot(snapshot))
        {
            _durableVersion = _snapshotVersion = snapshot.Version;
        }

        await foreach (var record in _store.ReadEventsAsync(StreamId, _durableVersion, cancellationToken))
        {
            Apply(ReadEvent(record.Data));
            _durableVersion = record.Version;
        }
    }

    /// <summary>
    /// A snapshot only shortens the replay, and the log is the truth: one that is damaged, or of a format this code
    /// does not know, is logged and skipped, and the next snapshot written replaces it.
    /// </summary>
    private bool TryRestoreSnapshot(SnapshotRecord snapshot)
    {
        try
        {
            RestoreSnapshot(snapshot.Data);
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _logger.SnapshotUnreadable(exception, StreamId, snapshot.Version);
            return false;
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _flushing;
        if (_fault is null && SnapshotDue(_durableVersion - _snapshotVersion, _options.SnapshotEvery))
        {
            // The token ends with the silo's shutdown timeout: a snapshot only shortens the next replay, so it never holds a stop up.
            await SaveSnapshotAsync(cancellationToken);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// Applies the event now and completes once it is durable. A null event (a repeat that changes nothing)
    /// completes once everything applied before it is durable.
    /// </summary>
    protected Task Commit(TEvent? @event)
    {
        ThrowIfFaulted();
        if (@event is null)
        {
            return WhenDurable();
        }

        Apply(@event);
        _pending.Add(@event);
        return CommitPending();
    }

    /// <summary>
    /// Applies the events now, in order, and completes once they are durable. They are added to the pending batch in
    /// one turn, so they go out in one append (with whatever else is pending): all of them are durable, or none.
    /// </summary>
    protected Task Commit(IReadOnlyList<TEvent> events)
    {
        ThrowIfFaulted();
        if (events.Count == 0)
        {
            return WhenDurable();
        }

        foreach (var @event in events)
        {
            Apply(@event);
            _pending.Add(@event);
        }

        return CommitPending();
    }

    /// <summary>The pending batch's commit, with a flush started unless one is under way (it will take the batch next).</summary>
    private Task CommitPending()
    {
        _pendingCommit ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var committed = _pendingCommit.Task;
        if (_flushing.IsCompleted)
        {
            _flushing = FlushAsync();
        }

        return committed;
    }

    /// <summary>Completes once every event applied so far is durable; reads wait on it so they never report an unwritten change.</summary>
    protected Task WhenDurable()
    {
        ThrowIfFaulted();
        return (_pendingCommit ?? _inFlightCommit)?.Task ?? Task.CompletedTask;
    }

    /// <summary>
    /// Completes at a moment when nothing applied is still unwritten. State handed to other grains waits on this, since
    /// commands interleaved during <see cref="WhenDurable"/> may have applied events that could yet fail to append.
    /// </summary>
    protected async Task WhenNothingPending()
    {
        while ((_pendingCommit ?? _inFlightCommit) is { } commit)
        {
            await commit.Task;
        }

        ThrowIfFaulted();
    }

    /// <summary>Writes pending events batch by batch, and a snapshot when one is due and nothing is pending.</summary>
    private async Task FlushAsync()
    {
        while (true)
        {
            if (_pending.Count > 0)
            {
                var batch = _pending;
                var commit = _pendingCommit!;
                _pending = [];
                _pendingCommit = null;
                _inFlightCommit = commit;
                try
                {
                    if (_durableVersion == 0)
                    {
                        await BeforeFirstAppendAsync();
                    }

                    await _store.AppendAsync(StreamId, _durableVersion, batch.ConvertAll(WriteEvent));
                }
                catch (Exception exception)
                {
                    Fault(exception, commit);
                    return;
                }

                var afterVersion = _durableVersion;
                _durableVersion += batch.Count;
                GovernanceMetrics.Appended(batch.Count);
                _inFlightCommit = null;
                OnDurable(afterVersion, batch);
                commit.SetResult();
                WatchForQuiet();
            }
            else if (SnapshotDue(_durableVersion - _snapshotVersion, _options.SnapshotEvery))
            {
                await SaveSnapshotAsync();
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Starts the quiet check once enough events followed the last snapshot; it ends when the snapshot is written.</summary>
    private void WatchForQuiet()
    {
        if (SnapshotsWhenQuiet && _quietSnapshot is null && _durableVersion - _snapshotVersion >= _options.SnapshotEvery)
        {
            _versionAtQuietCheck = _durableVersion;
            var quiet = _options.SnapshotWhenQuietFor;
            _quietSnapshot = this.RegisterGrainTimer(_ => SnapshotIfQuietAsync(), new GrainTimerCreationOptions(quiet, quiet) { Interleave = true });
        }
    }

    /// <summary>A tick of the quiet check: nothing appended since the last tick, and nothing in flight, writes the snapshot.</summary>
    private async Task SnapshotIfQuietAsync()
    {
        var quiet = _durableVersion == _versionAtQuietCheck && _pending.Count == 0 && _flushing.IsCompleted;
        _versionAtQuietCheck = _durableVersion;
        if (!quiet || _fault is not null)
        {
            return;
        }

        _quietSnapshot?.Dispose();
        _quietSnapshot = null;
        if (_durableVersion - _snapshotVersion >= _options.SnapshotEvery)
        {
            // Written as the flush is, so that commands arriving meanwhile wait for it and append after it.
            // Not cancelled with the timer just stopped: a deactivation waits for it, as for any flush.
            _flushing = SnapshotThenFlushAsync();
            await _flushing;
        }
    }

    private async Task SnapshotThenFlushAsync()
    {
        await SaveSnapshotAsync();
        await FlushAsync();
    }

    private void Fault(Exception exception, TaskCompletionSource commit)
    {
        _logger.AppendFailed(exception, StreamId);
        _fault = exception;
        _inFlightCommit = null;
        var unavailable = new TemporarilyUnavailableException();
        commit.SetException(unavailable);
        _pendingCommit?.SetException(unavailable);
        _pendingCommit = null;
        _pending.Clear();
        DeactivateOnIdle();
    }

    /// <summary>Only called with nothing pending, so the state written is exactly the durable state.</summary>
    private async Task SaveSnapshotAsync(CancellationToken cancellationToken = default)
    {
        var data = WriteSnapshot();
        if (data is null)
        {
            _snapshotVersion = _durableVersion;
            return;
        }

        var version = _durableVersion;
        _snapshotVersion = version;
        try
        {
            await _store.SaveSnapshotAsync(StreamId, new SnapshotRecord(version, data), cancellationToken);
        }
        catch (Exception exception)
        {
            // A lost snapshot only lengthens the next replay; the log stays the truth.
            _logger.SnapshotFailed(exception, StreamId, version);
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is not null)
        {
            throw new TemporarilyUnavailableException();
        }
    }
}
