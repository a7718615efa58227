using Microsoft.Extensions.Configuration;

namespace Governance.Grains.Hosting;

public static class GovernanceClusteringExtensions
{
    /// <summary>Single-node clustering on localhost, with ports and ids from the "Orleans" configuration section.</summary>
    public static ISiloBuilder UseGovernanceLocalhostClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var orleans = configuration.GetSection("Orleans");
        return silo.UseLocalhostClustering(
            siloPort: orleans.GetValue("SiloPort", 11111),
            gatewayPort: orleans.GetValue("GatewayPort", 30000),
            serviceId: orleans.GetValue("ServiceId", "governance")!,
            clusterId: orleans.GetValue("ClusterId", "governance")!);
    }
}
