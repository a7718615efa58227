using System.Collections.Concurrent;
using System.Security.Claims;
using Governance.Api.Security;
using Microsoft.Extensions.Options;

namespace Governance.Api.Streams;

/// <summary>Counts the open streams of each member and app key, so that one caller cannot hold every connection.</summary>
public sealed class StreamLimiter(IOptions<StreamLimitOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.MaxStreamsPerIdentity;

    /// <summary>A slot to dispose when the stream ends, or null when the caller holds the most streams allowed.</summary>
    public IDisposable? TryAcquire(ClaimsPrincipal user)
    {
        var identity = user.MemberIdOf() is { } member ? $"member:{member}" : $"app-key:{user.AppKeyOf()}";
        var count = _open.AddOrUpdate(identity, 1, (_, open) => open + 1);
        if (count <= Limit)
        {
            return new Slot(this, identity);
        }

        Release(identity);
        return null;
    }

    private void Release(string identity)
    {
        // Removed at zero so that the map holds only callers with open streams.
        if (_open.AddOrUpdate(identity, 0, (_, open) => open - 1) == 0)
        {
            _open.TryRemove(KeyValuePair.Create(identity, 0));
        }
    }

    private sealed class Slot(StreamLimiter limiter, string identity) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                limiter.Release(identity);
            }
        }
    }
}
