using System.Threading.RateLimiting;
using Governance.Api.Security;
using Microsoft.Extensions.Options;

namespace Governance.Api.Limits;

/// <summary>
/// One token bucket per identity, so that one caller flooding the API slows only themselves. Rejections are 429
/// problem details with Retry-After. Probes and the API description are never limited.
/// </summary>
public static class RateLimiting
{
    public static IServiceCollection AddGovernanceRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (limits.Burst < 1 || limits.PerSecond < 1 || limits.FailedAppKeyAttemptsPerMinute < 1)
        {
            throw new InvalidOperationException("RateLimit:Burst, RateLimit:PerSecond and RateLimit:FailedAppKeyAttemptsPerMinute must be at least 1.");
        }

        services.AddSingleton(Options.Create(limits));
        services.AddSingleton<AppKeyAttempts>();

        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !limits.Enabled || !context.Request.Path.StartsWithSegments("/v1")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.PerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            options.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new ValueTask(TooManyRequests.WriteAsync(
                    rejected.HttpContext, retryAfter, "Too many requests from this identity; retry after the time in Retry-After.", "rate-limited"));
            };
        });
        return services;
    }

    private static string PartitionOf(HttpContext context) =>
        context.User.MemberIdOf() is { } member ? $"member:{member}"
        : context.User.AppKeyOf() is { } key ? $"app:{context.User.AppCooperativeOf()}/{key}"
        : $"address:{context.Connection.RemoteIpAddress}";
}
