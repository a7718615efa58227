using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Governance.Api.Limits;

/// <summary>
/// Checking an app key asks its cooperative, which happens before the per-identity limiter can know who is calling.
/// So failed checks are counted per client address: past RateLimit:FailedAppKeyAttemptsPerMinute, that address's
/// app keys are refused without asking any cooperative, and made-up keys cannot make the cluster do work.
/// </summary>
public sealed class FailedAppKeyAttempts : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public FailedAppKeyAttempts(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        if (limits.Enabled)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(address =>
                RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.FailedAppKeyAttemptsPerMinute,
                    TokensPerPeriod = limits.FailedAppKeyAttemptsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        }
    }

    public bool Exhausted(string address) => _limiter?.GetStatistics(address)?.CurrentAvailablePermits == 0;

    public void Record(string address) => _limiter?.AttemptAcquire(address).Dispose();

    public void Dispose() => _limiter?.Dispose();
}
