using System.Text.RegularExpressions;
using Governance.Deploy.Tests.Manifests;
using Governance.Grains.Hosting;
using Governance.ServiceDefaults;

namespace Governance.Deploy.Tests;

/// <summary>Pods get the identity Orleans reads, are scraped for metrics, and are reachable through their Service.</summary>
public sealed partial class PodTests
{
    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Every_label_the_downward_api_reads_is_on_the_pod(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var problems = new List<string>();
        foreach (var container in cluster.Containers)
        {
            foreach (var variable in container.Env)
            {
                var field = variable.ScalarAt("valueFrom", "fieldRef", "fieldPath") ?? "";
                if (LabelField().Match(field) is { Success: true } match && !container.PodLabels.ContainsKey(match.Groups["label"].Value))
                {
                    problems.Add($"{container.Where}: env {variable.ScalarAt("name")} reads label {match.Groups["label"].Value}, which the pod template does not carry");
                }
            }
        }

        Findings.AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Silo_gets_its_address_name_and_ids_from_the_downward_api(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var silo = cluster.ContainerOf(ClusterManifests.SiloImage);
        var fields = silo.Env.ToDictionary(variable => variable.ScalarAt("name") ?? "", variable => variable.ScalarAt("valueFrom", "fieldRef", "fieldPath"));
        var expected = new Dictionary<string, string>
        {
            [KubernetesIdentity.PodIp] = "status.podIP",
            [KubernetesIdentity.PodName] = "metadata.name",
            [KubernetesIdentity.ServiceId] = "metadata.labels['orleans/serviceId']",
            [KubernetesIdentity.ClusterId] = "metadata.labels['orleans/clusterId']",
        };

        Findings.AssertNone(expected
            .Where(pair => !fields.TryGetValue(pair.Key, out var field) || field != pair.Value)
            .Select(pair => $"{silo.Where}: env {pair.Key} should come from fieldRef {pair.Value}"));
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Silo_pods_are_scraped_at_the_metrics_path(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var silo = cluster.ContainerOf(ClusterManifests.SiloImage);
        var annotations = silo.PodAnnotations;

        Assert.True(annotations.GetValueOrDefault("prometheus.io/scrape") == "true", $"{silo.Workload}: pod annotation prometheus.io/scrape should be \"true\".");
        Assert.True(annotations.GetValueOrDefault("prometheus.io/path") == Telemetry.MetricsPath, $"{silo.Workload}: pod annotation prometheus.io/path should be {Telemetry.MetricsPath}.");
        Assert.True(
            annotations.GetValueOrDefault("prometheus.io/port") is { } port && silo.Declares(port),
            $"{silo.Workload}: pod annotation prometheus.io/port should be a port the silo container declares.");
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Api_service_sends_to_a_port_the_api_pods_declare(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var api = cluster.ContainerOf(ClusterManifests.ApiImage);
        var services = cluster.OfKind("Service")
            .Where(service => AvailabilityTests.Selects(service.Root.MappingAt("spec", "selector").Entries(), api.PodLabels))
            .ToList();

        Assert.True(services.Count == 1, $"Exactly one Service should select the pods of {api.Workload}; {services.Count} do.");
        Findings.AssertNone(services[0].Root.ItemsAt("spec", "ports")
            .Where(port => !api.Declares(port.ScalarAt("targetPort") ?? port.ScalarAt("port") ?? ""))
            .Select(port => $"{services[0]}: port {port.ScalarAt("port")} targets {port.ScalarAt("targetPort")}, which {api.Where} does not declare"));
    }

    [GeneratedRegex(@"^metadata\.labels\['(?<label>[^']+)'\]$")]
    private static partial Regex LabelField();
}
