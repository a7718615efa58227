using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;

namespace Governance.Api.Streams;

/// <summary>
/// One decision's watch in this process and its subscribers. The watch starts with the first subscriber and stops
/// with the last. If it breaks (the grain's silo went down, say), it watches again after a pause, and a result it
/// already passed on is not passed on twice. It ends at the final result, or when the decision is not found.
/// </summary>
internal sealed partial class LiveResultSource : IDisposable
{
    private static readonly TimeSpan FirstRetryPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestRetryPause = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<LiveResultSubscription> _subscribers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly IDecisionGrain _decision;
    private readonly Func<LiveResult, ServerSentEvent> _message;
    private readonly Action<LiveResultSource> _forget;
    private readonly ILogger _logger;
    private ServerSentEvent? _latest;
    private bool _ended;
    private bool _disposed;

    public LiveResultSource(
    IDecisionGrain decision, Func<LiveResult, ServerSentEvent> message, Action<LiveResultSource> forget, ILogger logger)
    {
        _decision = decision;
        _message = message;
        _forget = forget;
        _logger = logger;
    }

    /// <summary>A new subscription, given the latest message at once; null once this source has ended.</summary>
    public LiveResultSubscription? TrySubscribe()
    {
        lock (_gate)
        {
            if (_ended)
            {
                return null;
            }

            var subscription = new LiveResultSubscription(Leave);
            if (_latest is not null)
            {
                subscription.Offer(_latest);
            }

            _subscribers.Add(subscription);
            if (_subscribers.Count == 1)
            {
                _ = Task.Run(async () =>
                {
                    using (this)
                    {
                        await WatchAsync();
                    }
                });
            }

            return subscription;
        }
    }

    private void Leave(LiveResultSubscription subscription)
    {
        lock (_gate)
        {
            if (!_subscribers.Remove(subscription) || _subscribers.Count > 0)
            {
                return;
            }

            _ended = true;

            // Under the gate, so that it never meets the disposal at the watch's end.
            if (!_disposed)
            {
                _stop.Cancel();
            }
        }

        _forget(this);
    }

    /// <summary>Called once, by the watch as it ends.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _stop.Dispose();
        }
    }

    private async Task WatchAsync()
    {
        var pause = FirstRetryPause;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var result in _decision.WatchResult(_stop.Token).WithCancellation(_stop.Token))
                {
                    pause = FirstRetryPause;
                    if (Pass(result))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (GovernanceException rejected)
            {
                // The decision is gone or never was: no retry can bring a result.
                End(rejected);
                return;
            }
            catch (Exception exception)
            {
                LogWatchBroken(_logger, exception, pause);
            }

            try
            {
                await Task.Delay(pause, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = pause * 2 < LongestRetryPause ? pause * 2 : LongestRetryPause;
        }
    }

    /// <summary>Passes the result on to every subscriber; true when it was the final one, which ends this source.</summary>
    private bool Pass(LiveResult result)
    {
        lock (_gate)
        {
            if (_latest?.Id != result.Version)
            {
                _latest = _message(result);
                foreach (var subscriber in _subscribers)
                {
                    subscriber.Offer(_latest);
                }
            }

            if (!result.Final)
            {
                return false;
            }
        }

        End(null);
        return true;
    }

    private void End(Exception? error)
    {
        LiveResultSubscription[] subscribers;
        lock (_gate)
        {
            _ended = true;
            subscribers = [.. _subscribers];
        }

        _forget(this);
        foreach (var subscriber in subscribers)
        {
            subscriber.End(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live result watch broke; it watches again in {Pause}.")]
    private static partial void LogWatchBroken(ILogger logger, Exception exception, TimeSpan pause);
}
