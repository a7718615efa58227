using Governance.Deploy.Tests.Manifests;
using Governance.ServiceDefaults;

namespace Governance.Deploy.Tests;

/// <summary>Kubernetes asks each image the questions its code answers.</summary>
public sealed class ProbeTests
{
    private static readonly (string Probe, string Path, bool Required)[] Probes =
    [
        ("livenessProbe", HealthEndpoints.Live, true),
        ("readinessProbe", HealthEndpoints.Ready, true),
        ("startupProbe", HealthEndpoints.Live, false),
    ];

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Probes_use_the_health_endpoints_of_the_code(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var problems = new List<string>();
        foreach (var container in cluster.GovernanceContainers)
        {
            foreach (var (probe, path, required) in Probes)
            {
                var declared = container.Node.ScalarAt(probe, "httpGet", "path");
                if ((declared is not null || required) && declared != path)
                {
                    problems.Add($"{container.Where}: {probe}.httpGet.path is {declared ?? "not set"}, expected {path}");
                }
            }
        }

        Findings.AssertNone(problems);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Probes_target_a_port_the_container_declares(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var problems = new List<string>();
        foreach (var container in cluster.Containers)
        {
            foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
            {
                var port = container.Node.ScalarAt(probe, "httpGet", "port") ?? container.Node.ScalarAt(probe, "tcpSocket", "port");
                if (container.Node.Find(probe) is not null && (port is null || !container.Declares(port)))
                {
                    problems.Add($"{container.Where}: {probe} port {port ?? "(none)"} is not among its containerPorts {string.Join(", ", container.Ports.Keys)}");
                }
            }
        }

        Findings.AssertNone(problems);
    }
}
