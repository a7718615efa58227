using Governance.Grains.Hosting;
using Orleans.Configuration;

namespace Governance.Api.Hosting;

public static class OrleansHosting
{
    /// <summary>Orleans' own setting: how often the client reads which silos are gateways.</summary>
    public const string GatewayListRefreshPeriodKey = "Orleans:Gateway:GatewayListRefreshPeriod";

    // The client drops a gateway whose connection fails at once, but one that stops answering without closing its
    // connection (a lost node) only when the list read after its death leaves it out, and a new silo gets no
    // requests before the list names it: Orleans reads the list every minute.
    private static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

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
            // A call to a grain whose silo has just died gets no answer until it times out (Orleans' default is 30 s).
            if (builder.Configuration[FailoverDefaults.ResponseTimeoutKey] is null)
            {
                client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = FailoverDefaults.ResponseTimeout);
            }

            if (builder.Configuration[GatewayListRefreshPeriodKey] is null)
            {
                client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = GatewayListRefreshPeriod);
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
