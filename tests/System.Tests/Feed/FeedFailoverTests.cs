using System.Diagnostics;
using System.Globalization;
using Governance.System.Tests.Failover;
using Governance.System.Tests.Hosting;
using Xunit.Abstractions;

namespace Governance.System.Tests.Feed;

/// <summary>
/// Three silos on Azurite and Redis, killed one after another with SIGKILL in the middle of concurrent commands, a
/// fresh one joining after each: the feed still holds every acknowledged command's event exactly once, in each
/// member's order.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class FeedFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Workers = 8;

    private readonly LoadRoster _roster = LoadRoster.Of("coop", voters: 12, delegators: 4, proposals: 8);
    private readonly Dictionary<string, HttpClient> _members = [];
    private readonly HashSet<SiloProcess> _killed = [];
    private LocalCluster _cluster = null!;

    private IEnumerable<SiloProcess> LiveSilos => _cluster.Silos.Where(silo => !_killed.Contains(silo));

    public async Task InitializeAsync()
    {
        _cluster = await LocalCluster.StartAsync(silos: 3, FeedTestSettings.FastReconcile);
        var tokens = await Task.WhenAll(_roster.Members.Select(async member => (member, token: await _cluster.IssueTokenAsync(member))));
        foreach (var (member, token) in tokens)
        {
            _members[member] = _cluster.Api.ClientWith(token, TimeSpan.FromSeconds(60));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _members.Values)
        {
            client.Dispose();
        }

        await _cluster.DisposeAsync();
    }

    /// <summary>
    /// The first silo killed holds the most proposals, as in the failover test; the second is the one the feed lives on
    /// then, so pushes in flight to it are lost and the feed comes back on another silo mid-load.
    /// </summary>
    [Fact]
    public async Task Losing_silos_mid_load_loses_or_repeats_no_acknowledged_event_in_the_feed()
    {
        var clock = Stopwatch.StartNew();
        var setup = await _roster.CreateAsync(_members[_roster.Admin]);
        var load = new CommandLoad(_roster, _members);
        using var stop = new CancellationTokenSource();
        var running = load.Start(Workers, stop.Token);
        await load.WaitForAcknowledgedAsync(200, TimeSpan.FromSeconds(60));

        var proposals = await ActivationsCreatedAsync("proposal");
        var feedAtFirstKill = await FeedHostAsync();
        var mostProposals = proposals.MaxBy(pair => pair.Value).Key;
        Assert.True(proposals[mostProposals] > 0, "No silo held a proposal, so the test showed nothing.");
        var first = await KillAndReplaceAsync(mostProposals, load);

        var feedHost = await FeedHostAsync();
        var second = await KillAndReplaceAsync(feedHost, load);
        await stop.CancelAsync();
        await running;

        var feed = await FeedReader.WaitForCountAsync(_members[_roster.Admin], _roster.Cooperative, setup.Count + load.Acknowledged.Count, TimeSpan.FromSeconds(30));
        var summary = FeedCheck.Verify(feed, setup, load.Acknowledged);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            killed {mostProposals.Name}, holding {proposals[mostProposals]} of {proposals.Values.Sum()} proposal activations{(feedAtFirstKill == mostProposals ? " and the feed" : "")}, at {first} acknowledged commands
            killed {feedHost.Name}, holding the feed, at {second}; {load.Acknowledged.Count} acknowledged in all
            {summary}
            failed attempts: {load.Failures.Count} ({string.Join(", ", load.Failures.GroupBy(failure => failure.Outcome).Select(group => $"{group.Count()} x {group.Key}"))}); longest {(load.Failures.Count == 0 ? 0 : load.Failures.Max(failure => failure.Took.TotalSeconds)):F1} s
            test body: {clock.Elapsed.TotalSeconds:F0} s
            """));
    }

    /// <summary>How many activations of <paramref name="grainType"/> each live silo created.</summary>
    private async Task<Dictionary<SiloProcess, long>> ActivationsCreatedAsync(string grainType)
    {
        var activations = new Dictionary<SiloProcess, long>();
        foreach (var silo in LiveSilos)
        {
            activations[silo] = await silo.ActivationsCreatedAsync(grainType);
        }

        return activations;
    }

    /// <summary>The live silo the feed's activation is on now.</summary>
    private async Task<SiloProcess> FeedHostAsync()
    {
        var hosts = new List<SiloProcess>();
        foreach (var silo in LiveSilos)
        {
            if (await silo.ActivationsAsync("feed") > 0)
            {
                hosts.Add(silo);
            }
        }

        Assert.True(hosts.Count == 1, $"The feed is active on {hosts.Count} live silos.");
        return hosts[0];
    }

    /// <summary>Kills the silo, lets the others declare it dead, starts a fresh one and waits for more acknowledged commands; returns how many there were at the kill.</summary>
    private async Task<int> KillAndReplaceAsync(SiloProcess victim, CommandLoad load)
    {
        var acknowledged = load.Acknowledged.Count;
        await victim.KillAsync();
        _killed.Add(victim);
        await Task.Delay(TimeSpan.FromSeconds(8));
        await _cluster.StartSiloAsync();
        await load.WaitForAcknowledgedAsync(load.Acknowledged.Count + 100, TimeSpan.FromSeconds(60));
        return acknowledged;
    }
}
