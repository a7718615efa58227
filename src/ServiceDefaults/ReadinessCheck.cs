using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Governance.ServiceDefaults;

/// <summary>Ready once the host (and its silo, or its cluster client) has started, and no longer once it begins to stop, so traffic drains first.</summary>
public sealed class ReadinessCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("Shutting down.")
            : lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Starting."));
}
