using System.Collections.Concurrent;
using System.Security.Claims;

namespace Governance.Api.Security;

/// <summary>
/// Bearer tokens already validated, by their exact text, with the caller they stand for. A member sends the same
/// token with every request until it expires, and parsing and checking it each time cost about a third of a vote's
/// CPU. An entry never outlives the token's expiry (plus the allowed clock skew) nor <see cref="MaxAge"/>, so a
/// provider's key rotation is seen within minutes.
/// </summary>
public sealed class ValidatedTokens(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Beyond about this many tokens the cache starts over, which bounds its memory whatever callers send.</summary>
    internal const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The entries, counted here because the dictionary's own count takes all its locks: when a million members each
    /// sent a first token, every request queued on it. Racing adds and clears may leave it a few off, which is harmless.
    /// </summary>
    private int _count;

    public ClaimsPrincipal? Find(string token)
    {
        if (!_entries.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (clock.GetUtcNow() < entry.Until)
        {
            return entry.Caller;
        }

        if (_entries.TryRemove(token, out _))
        {
            Interlocked.Decrement(ref _count);
        }

        return null;
    }

    public void Add(string token, ClaimsPrincipal caller, DateTimeOffset validUntil)
    {
        if (Volatile.Read(ref _count) >= Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }

        var until = clock.GetUtcNow() + MaxAge;
        var entry = new Entry(caller, validUntil < until ? validUntil : until);
        if (_entries.TryAdd(token, entry))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            _entries[token] = entry;
        }
    }

    private sealed record Entry(ClaimsPrincipal Caller, DateTimeOffset Until);
}
