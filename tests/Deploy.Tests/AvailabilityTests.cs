using Governance.Deploy.Tests.Manifests;

namespace Governance.Deploy.Tests;

/// <summary>Silos are replaced and disrupted one at a time and never throttled; the API scales on CPU.</summary>
public sealed class AvailabilityTests
{
    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Silo_runs_three_replicas_and_starts_a_new_one_before_stopping_an_old_one(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var silo = cluster.ContainerOf(ClusterManifests.SiloImage).Workload;

        Assert.True(silo.Root.ScalarAt("spec", "replicas") == "3", $"{silo}: spec.replicas should be 3.");
        Assert.True(silo.Root.ScalarAt("spec", "strategy", "type") == "RollingUpdate", $"{silo}: spec.strategy.type should be RollingUpdate.");
        Assert.True(silo.Root.ScalarAt("spec", "strategy", "rollingUpdate", "maxUnavailable") == "0", $"{silo}: spec.strategy.rollingUpdate.maxUnavailable should be 0.");
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void A_disruption_budget_lets_at_most_one_silo_go_at_a_time(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var silo = cluster.ContainerOf(ClusterManifests.SiloImage);
        var budgets = cluster.OfKind("PodDisruptionBudget")
            .Where(budget => Selects(budget.Root.MappingAt("spec", "selector", "matchLabels").Entries(), silo.PodLabels))
            .ToList();

        Assert.True(budgets.Count == 1, $"Exactly one PodDisruptionBudget in {variant} should select the pods of {silo.Workload}; {budgets.Count} do.");
        Assert.True(budgets[0].Root.ScalarAt("spec", "maxUnavailable") == "1", $"{budgets[0]}: spec.maxUnavailable should be 1.");
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Silo_requests_cpu_and_memory_and_limits_only_memory(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var silo = cluster.ContainerOf(ClusterManifests.SiloImage);
        var resources = silo.Node.MappingAt("resources");

        Assert.True(resources?.ScalarAt("requests", "cpu") is not null, $"{silo.Where}: resources.requests.cpu is not set.");
        Assert.True(resources?.ScalarAt("requests", "memory") is not null, $"{silo.Where}: resources.requests.memory is not set.");
        Assert.True(resources?.ScalarAt("limits", "memory") is not null, $"{silo.Where}: resources.limits.memory is not set.");
        // A throttled silo misses membership probes and is declared dead by the others.
        Assert.True(resources?.ScalarAt("limits", "cpu") is null, $"{silo.Where}: resources.limits.cpu must not be set.");
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Api_is_scaled_on_cpu_by_an_autoscaler_targeting_its_deployment(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var api = cluster.ContainerOf(ClusterManifests.ApiImage);
        var autoscalers = cluster.OfKind("HorizontalPodAutoscaler")
            .Where(hpa => hpa.Root.ScalarAt("spec", "scaleTargetRef", "kind") == "Deployment"
                && hpa.Root.ScalarAt("spec", "scaleTargetRef", "name") == api.Workload.Name)
            .ToList();

        Assert.True(autoscalers.Count == 1, $"Exactly one HorizontalPodAutoscaler should target Deployment {api.Workload.Name}; {autoscalers.Count} do.");
        var hpa = autoscalers[0];
        Assert.True(hpa.Root.ScalarAt("apiVersion") == "autoscaling/v2", $"{hpa}: apiVersion should be autoscaling/v2.");
        Assert.True(hpa.Root.ScalarAt("spec", "minReplicas") == "2" && hpa.Root.ScalarAt("spec", "maxReplicas") == "10", $"{hpa}: spec.minReplicas and spec.maxReplicas should be 2 and 10.");
        Assert.True(
            hpa.Root.ItemsAt("spec", "metrics").Any(metric => metric.ScalarAt("resource", "name") == "cpu" && metric.ScalarAt("resource", "target", "averageUtilization") == "70"),
            $"{hpa}: spec.metrics should hold a cpu resource metric with averageUtilization 70.");
        // Utilization is measured against the request.
        Assert.True(api.Node.ScalarAt("resources", "requests", "cpu") is not null, $"{api.Where}: resources.requests.cpu is not set.");
    }

    internal static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
