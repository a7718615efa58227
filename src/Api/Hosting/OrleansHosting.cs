using Governance.Grains.Hosting;
using Orleans.Configuration;

namespace Governance.Api.Hosting;

public static class OrleansHosting
{
    /// <summary>Orleans' own setting, read for clients and silos alike; the client's default below applies when it is unset.</summary>
    public const string ResponseTimeoutKey = "Orleans:Messaging:ResponseTimeout";

    // A call to a grain whose silo has just died gets no answer; Orleans waits 30 s by default before giving up. An HTTP
    // caller should hear 503 sooner and retry, once the grain has been activated elsewhere.
    private static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// By default the API co-hosts one silo (a single node, with the storage the configuration selects). With
    /// Orleans:Mode=Client it is a stateless client of a cluster whose membership is in Azure Tables or Redis instead.
    /// </summary>
    public static WebApplicationBuilder AddGovernanceOrleans(this WebApplicationBuilder builder)
    {
        var orleans = KubernetesIdentity.ReadOrleansOptions(builder.Configuration);
        if (orleans.Mode == OrleansMode.CoHosted)
        {
            builder.UseOrleans(silo => silo.UseGovernanceClustering(builder.Configuration).AddGovernance(builder.Configuration));
            return builder;
        }

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = orleans.ClusterId;
                options.ServiceId = orleans.ServiceId;
            });
            UseClustering(client, orleans, builder.Configuration);
            client.UseConnectionRetryFilter<ClusterConnectionRetry>();
            if (builder.Configuration[ResponseTimeoutKey] is null)
            {
                client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = ClientResponseTimeout);
            }
        });
        return builder;
    }

    private static void UseClustering(IClientBuilder client, OrleansHostingOptions orleans, IConfiguration configuration)
    {
        switch (orleans.MembershipProvider)
        {
            case MembershipProvider.AzureStorage:
                var tables = GovernanceClusteringExtensions.RequireAzureTables(configuration, silo: false);
                client.UseAzureStorageClustering(options => options.TableServiceClient = tables);
                break;
            case MembershipProvider.Redis:
                client.UseRedisClustering(options => options.ConfigurationOptions = RedisConnection.Options(GovernanceClusteringExtensions.RequireRedis(orleans)));
                break;
            default:
                throw new InvalidOperationException("Orleans:Mode=Client needs Orleans:MembershipProvider=AzureStorage or Redis, the membership of the silos it joins.");
        }
    }
}
