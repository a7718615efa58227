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

    /// <summary>Beyond this many tokens the cache starts over, which bounds its memory whatever callers send.</summary>
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

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

        _entries.TryRemove(token, out _);
        return null;
    }

    public void Add(string token, ClaimsPrincipal caller, DateTimeOffset validUntil)
    {
        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }

        var until = clock.GetUtcNow() + MaxAge;
        _entries[token] = new Entry(caller, validUntil < until ? validUntil : until);
    }

    private sealed record Entry(ClaimsPrincipal Caller, DateTimeOffset Until);
}
