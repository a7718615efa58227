using Governance.Deploy.Tests.Manifests;
using Governance.Grains.Hosting;
using Microsoft.Extensions.Configuration;

namespace Governance.Deploy.Tests;

/// <summary>
/// As it is, deploy/k8s keeps membership and reminders in the storage account and runs no Redis; with the
/// redis-membership component, silos and API meet in a Redis the cluster runs. The code that reads the settings at
/// start-up judges them.
/// </summary>
public sealed class MembershipTests
{
    private const string DefaultRedisPort = "6379";

    // The Secret's placeholder account key is not base64, which the storage clients refuse; the test puts a
    // well-formed key in its place, as an operator does.
    private const string PlaceholderKey = "AccountKey=REPLACE-ME";
    private const string ConnectionStringVariable = "Storage__AzureBlob__ConnectionString";
    private const string ConnectionStringKey = "Storage:AzureBlob:ConnectionString";

    private static readonly string WellFormedKey = "AccountKey=" + Convert.ToBase64String(new byte[64]);

    private static readonly (string Image, bool IsSilo)[] Members = [(ClusterManifests.SiloImage, true), (ClusterManifests.ApiImage, false)];

    [Fact]
    public void By_default_silos_and_api_keep_membership_in_a_storage_account_they_can_reach()
    {
        var cluster = ClusterManifests.Of(ClusterVariants.AzureStorage);
        var problems = new List<string>();
        foreach (var (image, isSilo) in Members)
        {
            var container = cluster.ContainerOf(image);
            var configuration = cluster.ConfigurationOf(container);
            configuration[ConnectionStringKey] = configuration[ConnectionStringKey]?.Replace(PlaceholderKey, WellFormedKey, StringComparison.Ordinal);
            var provider = KubernetesIdentity.ReadOrleansOptions(configuration).MembershipProvider;
            if (provider != MembershipProvider.AzureStorage)
            {
                problems.Add($"{container.Where}: the membership provider is {provider}, expected AzureStorage");
                continue;
            }

            RequireAzureTables(configuration, isSilo, container.Where, problems);
        }

        Findings.AssertNone(problems);
    }

    [Fact]
    public void Without_a_key_in_the_secret_the_pods_start_and_reach_the_account_by_its_uri()
    {
        var cluster = ClusterManifests.Of(ClusterVariants.AzureStorage);
        var problems = new List<string>();
        foreach (var (image, isSilo) in Members)
        {
            var container = cluster.ContainerOf(image);
            var reference = container.Env.SingleOrDefault(variable => variable.ScalarAt("name") == ConnectionStringVariable)?.MappingAt("valueFrom", "secretKeyRef");
            if (reference is not null && reference.ScalarAt("optional") != "true")
            {
                problems.Add($"{container.Where}: env {ConnectionStringVariable} is not optional, so a pod whose Secret lacks the key never starts");
            }

            // What the README has an operator do for a workload identity: the key left out, the blob endpoint set.
            var configuration = ClusterManifests.ConfigurationOf(cluster.SettingsOf(container).Values.Where(setting => setting.Name != ConnectionStringVariable));
            configuration["Storage:AzureBlob:ServiceUri"] = "https://coop.blob.core.windows.net";
            RequireAzureTables(configuration, isSilo, container.Where, problems);
        }

        Findings.AssertNone(problems);
    }

    [Fact]
    public void By_default_no_redis_runs_and_no_setting_names_one()
    {
        var cluster = ClusterManifests.Of(ClusterVariants.AzureStorage);
        var resources = cluster.All
            .Where(document => document.Name.Contains("redis", StringComparison.OrdinalIgnoreCase))
            .Select(document => $"{document}: a Redis resource");
        var containers = cluster.Containers
            .Where(container => Repository(container.Image) == "redis")
            .Select(container => $"{container.Where}: runs {container.Image}");
        var settings = cluster.GovernanceContainers
            .SelectMany(container => cluster.SettingsOf(container).Values)
            .Where(setting => setting.Name.Contains("Redis", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(setting => setting.Origin)
            .Select(setting => $"{setting.Origin}: sets {setting.Name}");

        Findings.AssertNone(resources.Concat(containers).Concat(settings));
    }

    [Fact]
    public void With_the_redis_component_silos_and_api_keep_membership_in_a_redis_the_cluster_runs()
    {
        var cluster = ClusterManifests.Of(ClusterVariants.RedisMembership);
        var problems = new List<string>();
        foreach (var (image, _) in Members)
        {
            var container = cluster.ContainerOf(image);
            var orleans = KubernetesIdentity.ReadOrleansOptions(cluster.ConfigurationOf(container));
            if (orleans.MembershipProvider != MembershipProvider.Redis)
            {
                problems.Add($"{container.Where}: the membership provider is {orleans.MembershipProvider}, expected Redis");
                continue;
            }

            try
            {
                problems.AddRange(WhyUnreachable(cluster, container, GovernanceClusteringExtensions.RequireRedis(orleans)));
            }
            catch (InvalidOperationException exception)
            {
                problems.Add($"{container.Where}: {exception.Message}");
            }
        }

        Findings.AssertNone(problems);
    }

    /// <summary>Why the first endpoint of a Redis connection string is not a Service sending to a Redis pod of the cluster; nothing when it is.</summary>
    private static IEnumerable<string> WhyUnreachable(ClusterManifests cluster, PodContainer client, string connection)
    {
        var endpoint = connection.Split(',')[0].Trim();
        var (host, port) = endpoint.Split(':') is [var name, var number] ? (name, number) : (endpoint, DefaultRedisPort);
        var origin = $"{client.Where}: Orleans__RedisConnectionString '{connection}'";
        var service = cluster.OfKind("Service").SingleOrDefault(service => service.Name == host);
        if (service is null)
        {
            return [$"{origin} names {host}, which is no Service in {cluster.Variant}"];
        }

        var servicePort = service.Root.ItemsAt("spec", "ports").FirstOrDefault(item => item.ScalarAt("port") == port);
        if (servicePort is null)
        {
            return [$"{origin} names port {port}, which {service} does not serve"];
        }

        var target = servicePort.ScalarAt("targetPort") ?? port;
        var selector = service.Root.MappingAt("spec", "selector").Entries();
        var backends = cluster.Containers.Where(container => AvailabilityTests.Selects(selector, container.PodLabels) && container.Declares(target));
        return backends.Any(container => Repository(container.Image) == "redis")
            ? []
            : [$"{origin}: {service} sends port {port} to {target}, which no Redis container of the pods it selects declares"];
    }

    /// <summary>An image's repository without registry and tag: "docker.io/library/redis:7-alpine" is "redis".</summary>
    private static string Repository(string image) => image.Split('/')[^1].Split(':')[0];

    /// <summary>
    /// What silo and API call at start-up: a connection string naming the table endpoint, or a service URI, and on a
    /// silo Storage__Provider=AzureBlob, so that one account holds it all.
    /// </summary>
    private static void RequireAzureTables(IConfiguration configuration, bool isSilo, string where, List<string> problems)
    {
        try
        {
            GovernanceClusteringExtensions.RequireAzureTables(configuration, isSilo);
        }
        catch (InvalidOperationException exception)
        {
            problems.Add($"{where}: {exception.Message}");
        }
    }
}
