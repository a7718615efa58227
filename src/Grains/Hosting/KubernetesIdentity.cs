using Microsoft.Extensions.Configuration;

namespace Governance.Grains.Hosting;

/// <summary>
/// The variables the Orleans Kubernetes guidance sets on each pod: the downward API's POD_IP and POD_NAME, and
/// ORLEANS_CLUSTER_ID and ORLEANS_SERVICE_ID. Where set, they override the "Orleans" section.
/// </summary>
public static class KubernetesIdentity
{
    public const string PodIp = "POD_IP";
    public const string PodName = "POD_NAME";
    public const string ClusterId = "ORLEANS_CLUSTER_ID";
    public const string ServiceId = "ORLEANS_SERVICE_ID";

    public static OrleansHostingOptions ReadOrleansOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new OrleansHostingOptions();
        options.AdvertisedAddress = Override(configuration, PodIp, options.AdvertisedAddress);
        options.SiloName = Override(configuration, PodName, options.SiloName);
        options.ClusterId = Override(configuration, ClusterId, options.ClusterId);
        options.ServiceId = Override(configuration, ServiceId, options.ServiceId);
        return options;
    }

    private static string Override(IConfiguration configuration, string variable, string configured) =>
        configuration[variable] is { Length: > 0 } value ? value : configured;
}
