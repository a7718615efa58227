using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Governance.ServiceDefaults;

/// <summary>
/// OpenTelemetry metrics: Orleans' own meter, the meters the host names (the governance meter: votes, tallies,
/// appends, group-commit batch sizes) and ASP.NET Core's. Silos serve them for scraping at <see cref="MetricsPath"/>;
/// with OTEL_EXPORTER_OTLP_ENDPOINT set they are also pushed over OTLP.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";
    public const string OrleansMeter = "Microsoft.Orleans";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddGovernanceTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName, bool scrapingEndpoint, params string[] meters)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([OrleansMeter, .. meters]).AddAspNetCoreInstrumentation();
                if (scrapingEndpoint)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (!string.IsNullOrEmpty(configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapGovernanceMetrics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }
}
