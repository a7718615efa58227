using Governance.Grains.Hosting;
using Governance.Grains.Telemetry;
using Governance.ServiceDefaults;
using Governance.Silo.Dashboard;

// A silo of a cluster: it serves no API, only its probes, its metrics and (when enabled) the Orleans Dashboard.
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo =>
{
    silo.UseGovernanceClustering(builder.Configuration).AddGovernance(builder.Configuration);
    builder.AddGovernanceDashboard(silo);
});
builder.Services.AddGovernanceHealthChecks();
builder.Services.AddGovernanceTelemetry(builder.Configuration, "governance-silo", scrapingEndpoint: true, GovernanceMetrics.MeterName);

var app = builder.Build();
app.MapGovernanceHealthEndpoints();
app.MapGovernanceMetrics();
app.MapGovernanceDashboard();
await app.RunWithBoundedShutdownAsync(KubernetesIdentity.ReadOrleansOptions(builder.Configuration).ShutdownTimeout);
