using System.Globalization;
using Governance.Deploy.Tests.Manifests;
using Governance.Grains.Hosting;

namespace Governance.Deploy.Tests;

public sealed class ShutdownTests
{
    // What Kubernetes uses when a pod spec sets none.
    private const int DefaultGracePeriodSeconds = 30;

    [Theory]
    [MemberData(nameof(ClusterVariants.All), MemberType = typeof(ClusterVariants))]
    public void Silo_grace_period_exceeds_the_orleans_shutdown_timeout_and_the_margin_past_it(string variant)
    {
        var cluster = ClusterManifests.Of(variant);
        var silo = cluster.ContainerOf(ClusterManifests.SiloImage);
        var timeout = new OrleansHostingOptions().ShutdownTimeout;
        if (cluster.SettingsOf(silo).TryGetValue("Orleans__ShutdownTimeout", out var setting) && setting.Value is not null)
        {
            Assert.True(TimeSpan.TryParse(setting.Value, CultureInfo.InvariantCulture, out timeout), $"{setting.Origin}: '{setting.Value}' is not a TimeSpan such as 00:00:45.");
        }

        var grace = TimeSpan.FromSeconds(int.Parse(silo.PodSpec.ScalarAt("terminationGracePeriodSeconds") ?? $"{DefaultGracePeriodSeconds}", CultureInfo.InvariantCulture));

        // Otherwise the kubelet kills a silo still handing its grains over, before the silo's own bound ends the stop.
        Assert.True(
            grace > timeout + BoundedShutdown.Margin,
            $"{silo.Workload}: terminationGracePeriodSeconds ({grace.TotalSeconds} s) must exceed Orleans__ShutdownTimeout ({timeout.TotalSeconds} s, {setting?.Origin ?? "the OrleansHostingOptions default"}) plus the {BoundedShutdown.Margin.TotalSeconds} s a silo may take past it.");
    }
}
