using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Governance.Api.Limits;

/// <summary>
/// Checking an app key asks its cooperative, before the per-identity limiter can know who is calling, so made-up keys
/// could make the cluster work for free. Three things stop that, none keyed by client address, so that one client's
/// bad keys never refuse another's good one behind the same NAT or ingress:
/// <list type="bullet">
/// <item>a key refused once is refused again from memory (a refused key never becomes valid: ids and secrets are random);</item>
/// <item>each key id may fail RateLimit:FailedAppKeyAttemptsPerMinute checks a minute; past that, its keys are answered 429 unchecked;</item>
/// <item>except a key this node has accepted before, which is still checked, so that the app holding it keeps working
/// while someone guesses at its id, and a revocation takes effect at once.</item>
/// </list>
/// Memory stays bounded: each set starts over past <see cref="Capacity"/> keys, and idle budgets are dropped.
/// </summary>
public sealed class AppKeyAttempts : IDisposable
{
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, byte> _refused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _accepted = new(StringComparer.Ordinal);
    private readonly PartitionedRateLimiter<string>? _failuresPerKeyId;

    /// <summary>How long the budget takes to regain one check.</summary>
    private readonly TimeSpan _refillTime;

    public AppKeyAttempts(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _refillTime = TimeSpan.FromMinutes(1) / limits.FailedAppKeyAttemptsPerMinute;
        if (limits.Enabled)
        {
            _failuresPerKeyId = PartitionedRateLimiter.Create<string, string>(keyId =>
                RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.FailedAppKeyAttemptsPerMinute,
                    TokensPerPeriod = limits.FailedAppKeyAttemptsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        }
    }

    /// <summary>What to do with a presented key before asking its cooperative.</summary>
    public AppKeyVerdict Judge(string cooperativeId, string keyId, string key)
    {
        var fingerprint = Fingerprint(key);
        if (_refused.ContainsKey(fingerprint))
        {
            return AppKeyVerdict.RefusedAgain;
        }

        if (_failuresPerKeyId is null || _accepted.ContainsKey(fingerprint))
        {
            return AppKeyVerdict.Check;
        }

        // Whole permits: the bucket refills continuously, so a fraction of one is there moments after it ran dry.
        return _failuresPerKeyId.GetStatistics(Scope(cooperativeId, keyId))?.CurrentAvailablePermits > 0
            ? AppKeyVerdict.Check
            : AppKeyVerdict.Exhausted(_refillTime);
    }

    public void Accepted(string key) => Remember(_accepted, Fingerprint(key));

    public void Refused(string cooperativeId, string keyId, string key)
    {
        var fingerprint = Fingerprint(key);
        _accepted.TryRemove(fingerprint, out _);
        Remember(_refused, fingerprint);
        _failuresPerKeyId?.AttemptAcquire(Scope(cooperativeId, keyId)).Dispose();
    }

    public void Dispose() => _failuresPerKeyId?.Dispose();

    private static void Remember(ConcurrentDictionary<string, byte> keys, string fingerprint)
    {
        if (keys.Count >= Capacity)
        {
            keys.Clear();
        }

        keys[fingerprint] = 0;
    }

    /// <summary>Keys are kept only as hashes, so that memory never holds a secret that works.</summary>
    private static string Fingerprint(string key) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Scope(string cooperativeId, string keyId) => $"{cooperativeId}/{keyId}";
}
