using Governance.Grains.Hosting;

namespace Governance.Api.Hosting;

public static class SiloHosting
{
    /// <summary>Single node: the API co-hosts one silo on localhost clustering, with the storage the configuration selects.</summary>
    public static WebApplicationBuilder AddGovernanceSilo(this WebApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection("Orleans");
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: orleans.GetValue("SiloPort", 11111),
                gatewayPort: orleans.GetValue("GatewayPort", 30000),
                serviceId: orleans.GetValue("ServiceId", "governance")!,
                clusterId: orleans.GetValue("ClusterId", "governance")!);
            silo.AddGovernance(builder.Configuration);
        });
        return builder;
    }
}
