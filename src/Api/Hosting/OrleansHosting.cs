using Governance.Grains.Hosting;
using Orleans.Configuration;

namespace Governance.Api.Hosting;

public static class OrleansHosting
{
    /// <summary>
    /// By default the API co-hosts one silo (a single node, with the storage the configuration selects). With
    /// Orleans:Mode=Client it is a stateless client of a Redis-membership cluster instead.
    /// </summary>
    public static WebApplicationBuilder AddGovernanceOrleans(this WebApplicationBuilder builder)
    {
        var orleans = KubernetesIdentity.ReadOrleansOptions(builder.Configuration);
        if (orleans.Mode == OrleansMode.CoHosted)
        {
            builder.UseOrleans(silo => silo.UseGovernanceClustering(builder.Configuration).AddGovernance(builder.Configuration));
            return builder;
        }

        if (orleans.MembershipProvider != MembershipProvider.Redis)
        {
            throw new InvalidOperationException("Orleans:Mode=Client needs Orleans:MembershipProvider=Redis and Orleans:RedisConnectionString.");
        }

        var redis = GovernanceClusteringExtensions.RequireRedis(orleans);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = orleans.ClusterId;
                options.ServiceId = orleans.ServiceId;
            })
            .UseRedisClustering(redis)
            .UseConnectionRetryFilter<ClusterConnectionRetry>());
        return builder;
    }
}
