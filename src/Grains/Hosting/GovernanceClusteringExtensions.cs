using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Governance.Grains.Hosting;

public static class GovernanceClusteringExtensions
{
    /// <summary>The section whose settings tune failure detection (<see cref="ClusterMembershipOptions"/>), e.g. ProbeTimeout.</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary>
    /// Joins the cluster the "Orleans" section describes: a single node on localhost, or a cluster whose membership is
    /// kept in Redis or in Azure Table Storage, whose silos advertise the pod's address and name. Stopping is bounded by the configured shutdown timeout.
    /// </summary>
    public static ISiloBuilder UseGovernanceClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var orleans = KubernetesIdentity.ReadOrleansOptions(configuration);
        silo.Services.Configure<HostOptions>(options => options.ShutdownTimeout = orleans.ShutdownTimeout);
        silo.Services.AddOptions<ClusterMembershipOptions>().Configure(FailoverDefaults.Apply).Bind(configuration.GetSection(MembershipSection));
        switch (orleans.MembershipProvider)
        {
            case MembershipProvider.Localhost:
                return silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            case MembershipProvider.Redis:
                ConfigureClusterMember(silo, orleans, configuration);
                return silo.UseRedisClustering(options => options.ConfigurationOptions = RedisConnection.Options(RequireRedis(orleans)));
            case MembershipProvider.AzureStorage:
                var tables = RequireAzureTables(configuration, silo: true);
                ConfigureClusterMember(silo, orleans, configuration);
                return silo.UseAzureStorageClustering(options => options.TableServiceClient = tables);
            default:
                throw new InvalidOperationException($"Unknown membership provider '{orleans.MembershipProvider}'.");
        }
    }

    /// <summary>The Redis connection string that Redis clustering (and its reminders) needs.</summary>
    public static string RequireRedis(OrleansHostingOptions orleans) =>
        orleans.RedisConnectionString is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("Orleans:RedisConnectionString is required when Orleans:MembershipProvider is Redis.");

    /// <summary>
    /// The tables of membership and reminders, in the account of the event logs. A silo must keep its events there
    /// too (Storage:Provider=AzureBlob), so that one account holds everything; the API as a client only reads membership.
    /// </summary>
    public static TableServiceClient RequireAzureTables(IConfiguration configuration, bool silo)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (silo && storage.Provider != StorageProvider.AzureBlob)
        {
            throw new InvalidOperationException(
                "Orleans:MembershipProvider=AzureStorage keeps membership and reminders in the account of the event logs, so it needs Storage:Provider=AzureBlob.");
        }

        return AzureStorageAccount.From(storage).CreateTableServiceClient();
    }

    private static void ConfigureClusterMember(ISiloBuilder silo, OrleansHostingOptions orleans, IConfiguration configuration)
    {
        // Orleans binds Orleans:Messaging itself, so the default applies only where the operator set nothing.
        if (configuration[FailoverDefaults.ResponseTimeoutKey] is null)
        {
            silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = FailoverDefaults.ResponseTimeout);
        }

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = orleans.ClusterId;
            options.ServiceId = orleans.ServiceId;
        });
        if (orleans.SiloName.Length > 0)
        {
            silo.Configure<SiloOptions>(options => options.SiloName = orleans.SiloName);
        }

        ConfigureEndpoints(silo, orleans);
    }

    private static void ConfigureEndpoints(ISiloBuilder silo, OrleansHostingOptions orleans)
    {
        if (orleans.AdvertisedAddress.Length == 0)
        {
            silo.ConfigureEndpoints(orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: true);
            return;
        }

        var address = IPAddress.TryParse(orleans.AdvertisedAddress, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"Orleans:AdvertisedAddress (or POD_IP) '{orleans.AdvertisedAddress}' is not an IP address.");

        // A loopback address is a single machine's cluster: listen there only, never on the host's other interfaces.
        silo.ConfigureEndpoints(address, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
    }
}
