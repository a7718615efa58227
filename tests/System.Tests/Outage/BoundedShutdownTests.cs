using System.Globalization;
using Governance.System.Tests.Failover;
using Governance.System.Tests.Hosting;
using Xunit.Abstractions;
using static Governance.System.Tests.Hosting.Requests;

namespace Governance.System.Tests.Outage;

/// <summary>
/// A silo asked to stop (SIGTERM) while the store of membership is unreachable exits within its shutdown timeout plus
/// 5 s, as a Kubernetes pod must within its grace period, although its grains' last writes and its membership update
/// cannot land.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class BoundedShutdownTests(ITestOutputHelper output)
{
    private const string Cooperative = "coop";

    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Bound = ShutdownTimeout + TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(ClusterMembership.AzureStorage)]
    [InlineData(ClusterMembership.Redis)]
    public async Task A_silo_stopped_while_its_store_is_down_exits_within_its_shutdown_timeout(ClusterMembership membership)
    {
        var settings = new Dictionary<string, string> { ["Orleans__ShutdownTimeout"] = ShutdownTimeout.ToString("c", CultureInfo.InvariantCulture) };
        await using var cluster = await LocalCluster.StartAsync(silos: 2, settings, membership);
        using (var ann = cluster.Api.ClientWith(await cluster.IssueTokenAsync("ann")))
        {
            // Active grains on both silos, with events behind them, so that stopping has grains to deactivate.
            await Send(ann, HttpMethod.Post, "/v1/cooperatives", new { id = Cooperative, name = "Shutdown" });
            foreach (var proposal in Enumerable.Range(0, 8).Select(i => $"p{i}"))
            {
                await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals", new { id = proposal, title = proposal });
                await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/open", null);
                await Send(ann, HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/votes/ann", new { choice = "yes" });
            }
        }

        await (membership == ClusterMembership.AzureStorage ? cluster.Azurite.StopAsync() : cluster.Redis!.StopAsync());
        var silo = cluster.Silos[0];
        var took = await silo.TerminateAsync(TimeSpan.FromMinutes(3));

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{(membership == ClusterMembership.AzureStorage ? "Azurite" : "Redis")} down, ShutdownTimeout {ShutdownTimeout.TotalSeconds:F0} s: SIGTERM to exit {(took is { } t ? $"{t.TotalSeconds:F1} s" : "more than 180 s (killed)")}"));
        Assert.True(took is not null && took <= Bound, $"{silo.Name} took {(took is { } t2 ? $"{t2.TotalSeconds:F1} s" : "more than 180 s")} to stop, more than {Bound.TotalSeconds} s.\n{silo.Output}");
    }
}
