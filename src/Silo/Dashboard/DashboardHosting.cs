using Microsoft.AspNetCore.Authentication;
using Orleans.Dashboard;

namespace Governance.Silo.Dashboard;

public static class DashboardHosting
{
    /// <summary>Adds the dashboard and its Basic authentication when enabled; refuses to start enabled without credentials.</summary>
    public static WebApplicationBuilder AddGovernanceDashboard(this WebApplicationBuilder builder, ISiloBuilder silo)
    {
        var dashboard = Read(builder.Configuration);
        if (!dashboard.Enabled)
        {
            return builder;
        }

        if (dashboard.Username.Length == 0 || dashboard.Password.Length == 0)
        {
            throw new InvalidOperationException("Dashboard:Enabled needs Dashboard:Username and Dashboard:Password.");
        }

        silo.AddDashboard();
        builder.Services.AddOptions<DashboardAccessOptions>().BindConfiguration(DashboardAccessOptions.Section);
        builder.Services.AddAuthentication(BasicAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorization();
        return builder;
    }

    public static WebApplication MapGovernanceDashboard(this WebApplication app)
    {
        if (Read(app.Configuration).Enabled)
        {
            app.MapOrleansDashboard(DashboardAccessOptions.Path).RequireAuthorization();
        }

        return app;
    }

    private static DashboardAccessOptions Read(IConfiguration configuration) =>
        configuration.GetSection(DashboardAccessOptions.Section).Get<DashboardAccessOptions>() ?? new DashboardAccessOptions();
}
