namespace Governance.Grains.Hosting;

/// <summary>
/// How a process joins the Orleans cluster. Configuration section "Orleans". On Kubernetes, the downward API's
/// POD_IP and POD_NAME and the variables ORLEANS_CLUSTER_ID and ORLEANS_SERVICE_ID take precedence
/// (see <see cref="KubernetesIdentity"/>).
/// </summary>
public sealed class OrleansHostingOptions
{
    public const string Section = "Orleans";

    /// <summary>The API's role: "CoHosted" (the default) runs one silo in the API process; "Client" joins a cluster of silos.</summary>
    public OrleansMode Mode { get; set; } = OrleansMode.CoHosted;

    /// <summary>
    /// "Localhost" (the default, a single node), "AzureStorage" (a cluster whose membership and reminders are tables in
    /// the storage account of the event logs) or "Redis" (a cluster whose membership and reminders are kept in Redis).
    /// Named so because Orleans itself reads "Orleans:Clustering" as a provider section.
    /// </summary>
    public MembershipProvider MembershipProvider { get; set; } = MembershipProvider.Localhost;

    /// <summary>The Redis that holds membership and reminders when <see cref="MembershipProvider"/> is Redis, e.g. "redis:6379".</summary>
    public string RedisConnectionString { get; set; } = "";

    /// <summary>Silos that share a cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "governance";

    /// <summary>Stays the same across deployments, because reminders and state are keyed by it.</summary>
    public string ServiceId { get; set; } = "governance";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at; unset means the first non-loopback address.</summary>
    public string AdvertisedAddress { get; set; } = "";

    /// <summary>This silo's name in membership and logs; unset means the machine name.</summary>
    public string SiloName { get; set; } = "";

    /// <summary>How long a stopping silo may take to hand its grains over; keep it below the pod's grace period.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);
}

public enum OrleansMode
{
    CoHosted,
    Client,
}

public enum MembershipProvider
{
    Localhost,
    Redis,
    AzureStorage,
}
