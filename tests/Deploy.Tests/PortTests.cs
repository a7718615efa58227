using System.Globalization;
using Governance.Deploy.Tests.Images;
using Governance.Deploy.Tests.Manifests;
using Governance.Grains.Hosting;

namespace Governance.Deploy.Tests;

/// <summary>The ports the manifests declare are the ones the processes listen on and the images expose.</summary>
public sealed class PortTests
{
    // The aspnet base image sets ASPNETCORE_HTTP_PORTS=8080.
    private const int ImageHttpPort = 8080;

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Silo_declares_the_silo_and_gateway_ports_it_listens_on(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var silo = cluster.ContainerOf(ClusterManifests.SiloImage);
        var settings = cluster.SettingsOf(silo);
        var defaults = new OrleansHostingOptions();

        AssertPort(silo, "silo", PortSetting(settings, "Orleans__SiloPort") ?? defaults.SiloPort);
        AssertPort(silo, "gateway", PortSetting(settings, "Orleans__GatewayPort") ?? defaults.GatewayPort);
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Each_image_declares_the_http_port_it_listens_on(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        foreach (var container in cluster.GovernanceContainers)
        {
            AssertPort(container, "http", PortSetting(cluster.SettingsOf(container), "ASPNETCORE_HTTP_PORTS") ?? ImageHttpPort);
        }
    }

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Each_dockerfile_exposes_the_ports_its_manifest_declares(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var problems = new List<string>();
        foreach (var build in ImageBuild.All)
        {
            var declared = cluster.ContainerOf(build.Image).Ports.Values.ToHashSet();
            if (!declared.SetEquals(build.Dockerfile.ExposedPorts))
            {
                problems.Add($"{build.Dockerfile.RelativePath} exposes {string.Join(" ", build.Dockerfile.ExposedPorts.Order())}, but the {build.Image} container declares containerPorts {string.Join(" ", declared.Order())}");
            }
        }

        Findings.AssertNone(problems);
    }

    private static int? PortSetting(IReadOnlyDictionary<string, Setting> settings, string name) =>
        settings.TryGetValue(name, out var setting) && setting.Value is not null
            ? int.Parse(setting.Value, CultureInfo.InvariantCulture)
            : null;

    private static void AssertPort(PodContainer container, string name, int expected) =>
        Assert.True(
            container.Ports.TryGetValue(name, out var declared) && declared == expected,
            $"{container.Where}: containerPort '{name}' should be {expected}, the port the process listens on; it is {(container.Ports.ContainsKey(name) ? declared : "not declared")}.");
}
