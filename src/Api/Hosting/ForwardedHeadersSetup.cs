using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Governance.Api.Hosting;

/// <summary>
/// Believes the forwarded client address and scheme only from the proxies <see cref="TrustedProxyOptions"/> names,
/// and only the hop the nearest of them added (ASP.NET Core's ForwardLimit of 1), so a client cannot put an address
/// of its choosing in front. With no proxy named, no forwarded header is read at all.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddGovernanceForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = configuration.GetSection(TrustedProxyOptions.Section).Get<TrustedProxyOptions>() ?? new TrustedProxyOptions();
        var networks = Entries(trusted.KnownNetworks)
            .Select(entry => IPNetwork.TryParse(entry, out var network) ? network : throw Invalid("KnownNetworks", entry, "a network in CIDR notation"))
            .ToList();
        var proxies = Entries(trusted.KnownProxies)
            .Select(entry => IPAddress.TryParse(entry, out var address) ? address : throw Invalid("KnownProxies", entry, "an IP address"))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // ASP.NET Core trusts loopback by default; here only what is configured is trusted.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            networks.ForEach(options.KnownIPNetworks.Add);
            proxies.ForEach(options.KnownProxies.Add);
        });
        services.AddSingleton(new ForwardedHeadersTrust(networks.Count + proxies.Count > 0));
        return services;
    }

    public static IApplicationBuilder UseGovernanceForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<ForwardedHeadersTrust>().AnyProxy ? app.UseForwardedHeaders() : app;

    private static string[] Entries(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static InvalidOperationException Invalid(string setting, string entry, string expected) =>
        new($"{TrustedProxyOptions.Section}:{setting}: '{entry}' is not {expected}.");

    /// <summary>Whether any proxy is trusted, decided once at start.</summary>
    private sealed record ForwardedHeadersTrust(bool AnyProxy);
}
