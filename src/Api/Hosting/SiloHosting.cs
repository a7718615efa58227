using Governance.Grains.Hosting;

namespace Governance.Api.Hosting;

public static class SiloHosting
{
    /// <summary>Single node: the API co-hosts one silo on localhost clustering, with the storage the configuration selects.</summary>
    public static WebApplicationBuilder AddGovernanceSilo(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.UseGovernanceLocalhostClustering(builder.Configuration).AddGovernance(builder.Configuration));
        return builder;
    }
}
