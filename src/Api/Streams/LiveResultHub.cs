using System.Collections.Concurrent;
using Governance.Contracts.Decisions;

namespace Governance.Api.Streams;

/// <summary>
/// The live results this API process streams. However many subscribers a decision has here, the process watches its
/// grain once (<see cref="IDecisionGrain.WatchResult"/>), turns each result into its message once, and hands that to
/// every subscriber. The grain may live on any silo: the watch is an ordinary grain call that streams its answer.
/// </summary>
public sealed class LiveResultHub(ILogger<LiveResultHub> logger)
{
    private readonly ConcurrentDictionary<string, LiveResultSource> _sources = new(StringComparer.Ordinal);

    /// <summary>
    /// Subscribes to the results of the decision <paramref name="key"/>: the latest first, then each change, then the
    /// final one, after which the subscription completes. Dispose it to leave.
    /// </summary>
    public LiveResultSubscription Subscribe(string key, IDecisionGrain decision, Func<LiveResult, ServerSentEvent> message)
    {
        while (true)
        {
            var source = _sources.GetOrAdd(key, _ => new LiveResultSource(decision, message, Forget, logger));
            if (source.TrySubscribe() is { } subscription)
            {
                return subscription;
            }

            // It ended between the lookup and the subscription; the next lookup finds or makes a fresh one.
            Forget(source);
        }

        // Only this very source: a fresh one may already serve the key.
        void Forget(LiveResultSource ended) => _sources.TryRemove(KeyValuePair.Create(key, ended));
    }
}
