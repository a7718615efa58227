using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.ServiceDefaults;

/// <summary>The probes of both images: liveness answers from the process alone; readiness follows the host's lifetime.</summary>
public static class HealthEndpoints
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";

    private const string ReadyTag = "ready";

    public static IServiceCollection AddGovernanceHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<ReadinessCheck>();
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapGovernanceHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no check, so a slow dependency never gets a healthy process restarted.
        endpoints.MapHealthChecks(Live, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(Ready, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
