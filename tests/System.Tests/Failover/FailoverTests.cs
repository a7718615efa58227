using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.System.Tests.Hosting;
using Xunit.Abstractions;
using static Governance.System.Tests.Hosting.Requests;

namespace Governance.System.Tests.Failover;

/// <summary>
/// Three silos on Azure Blob (Azurite), membership and reminders in Redis or in Azurite's tables, and the API as their
/// client, with the failover settings an operator gets by default. One silo is killed with SIGKILL in the middle of
/// concurrent votes and delegation changes, and a fresh one joins. Every request is answered within 5 s, the killed
/// silo's grains serve again within 5 s, nothing acknowledged is lost or counted twice, and a deadline still closes its
/// proposal.
/// </summary>
public abstract class FailoverTests(ITestOutputHelper output, ClusterMembership membership) : IAsyncLifetime
{
    private const string Cooperative = "coop";
    private const string Admin = "admin";
    private const int LoadWorkers = 12;

    /// <summary>The proposal whose silo is killed, kept out of the load and read until it serves again.</summary>
    private const string Probe = "probe";

    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(5);

    private static readonly string[] Voters = [.. Enumerable.Range(0, 16).Select(i => $"v{i}")];
    private static readonly string[] Delegators = [.. Enumerable.Range(0, 8).Select(i => $"d{i}")];
    private static readonly string[] Proposals = [.. Enumerable.Range(0, 16).Select(i => $"p{i}")];
    private static readonly string[] DeadlineProposals = [.. Enumerable.Range(0, 8).Select(i => $"deadline{i}")];

    private static readonly Dictionary<string, string> FastDeadlines = new()
    {
        ["Proposals__DeadlineReminderPeriod"] = "00:00:02",
        ["RateLimit__Burst"] = "100000",
        ["RateLimit__PerSecond"] = "100000",
    };

    private LocalCluster _cluster = null!;
    private readonly Dictionary<string, HttpClient> _members = [];

    public async Task InitializeAsync()
    {
        _cluster = await LocalCluster.StartAsync(silos: 3, FastDeadlines, membership);
        var tokens = await Task.WhenAll(Voters.Concat(Delegators).Append(Admin).Select(async member => (member, token: await _cluster.IssueTokenAsync(member))));
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

    [Fact]
    public async Task Losing_a_silo_mid_load_loses_no_acknowledged_vote_and_misses_no_deadline()
    {
        var admin = _members[Admin];
        await Send(admin, HttpMethod.Post, "/v1/cooperatives", new { id = Cooperative, name = "Failover" });
        foreach (var member in Voters.Concat(Delegators))
        {
            await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/members", new { id = member });
        }

        // The first proposal, so the one silo holding a proposal holds this one.
        await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals", new { id = Probe, title = Probe });
        await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals/{Probe}/open", null);
        var victim = await HostOfTheProbeAsync();

        foreach (var proposal in Proposals)
        {
            await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals", new { id = proposal, title = proposal });
            await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/open", null);
        }

        // Deadlines that pass while the killed silo is down and before a new one joins.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(12);
        foreach (var proposal in DeadlineProposals)
        {
            await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals", new { id = proposal, title = proposal, closesAt = deadline });
            await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/open", null);
            await Send(_members["v0"], HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/votes/v0", new { choice = "yes" });
            await Send(_members["v1"], HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/votes/v1", new { choice = "yes" });
            await Send(_members["v2"], HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/votes/v2", new { choice = "no" });
        }

        var load = new VoteLoad(Cooperative, _members, Proposals, Voters, Delegators);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(LoadWorkers, stop.Token);
        var creations = new MemberCreations(admin, Cooperative);
        var creating = creations.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(4));

        // Kill the probe's silo, so that grains demonstrably move.
        var activations = new Dictionary<SiloProcess, long>();
        foreach (var silo in _cluster.Silos)
        {
            activations[silo] = await silo.ActivationsCreatedAsync("proposal");
        }

        var acknowledgedBeforeKill = load.Acknowledged;
        await victim.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var probe = await ReadUntilServedAsync(admin, TimeSpan.FromSeconds(30));

        if (clock.Elapsed < TimeSpan.FromSeconds(8))
        {
            await Task.Delay(TimeSpan.FromSeconds(8) - clock.Elapsed);
        }
        var fresh = await _cluster.StartSiloAsync();
        var freshReadyAfter = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(4));
        await stop.CancelAsync();
        await running;
        await creating;

        var deadlineClosedAfter = await WaitUntilClosedAsync(admin, DeadlineProposals, TimeSpan.FromSeconds(60));
        Assert.True(deadlineClosedAfter is not null, $"A proposal whose deadline passed after its silo died never closed.\n{_cluster.Output}");
        foreach (var proposal in DeadlineProposals)
        {
            var tally = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{Cooperative}/proposals/{proposal}/tally", UriKind.Relative));
            Assert.Equal("closed", tally.GetProperty("status").GetString());
            Assert.Equal(2, tally.GetProperty("counts").GetProperty("yes").GetInt32());
            Assert.Equal(1, tally.GetProperty("counts").GetProperty("no").GetInt32());
        }

        var found = 0;
        foreach (var proposal in Proposals)
        {
            var ballots = await ReadBallotsAsync(admin, Cooperative, proposal);
            var acknowledged = load.Ballots.Where(pair => pair.Key.Proposal == proposal).ToDictionary(pair => pair.Key.Member, pair => pair.Value);
            Assert.Equal(acknowledged.OrderBy(pair => pair.Key), ballots.OrderBy(pair => pair.Key));
            found += ballots.Count;

            var (counts, participation) = load.ExpectedTally(proposal);
            var tally = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{Cooperative}/proposals/{proposal}/tally", UriKind.Relative));
            Assert.Equal(Voters.Length + Delegators.Length + 1, tally.GetProperty("eligible").GetInt32());
            Assert.Equal(participation, tally.GetProperty("participation").GetInt32());
            foreach (var (choice, count) in counts)
            {
                Assert.True(count == tally.GetProperty("counts").GetProperty(choice).GetInt32(), $"{proposal} {choice}: expected {count}, tally {tally}");
            }
        }

        // Every failed request had an error reply, and each was retried until acknowledged (or the load would have thrown).
        var hangs = load.Failures.Where(failure => !failure.Replied).ToList();
        Assert.True(hangs.Count == 0, $"{hangs.Count} requests got no reply within 60 s.");
        Assert.True(load.Failures.Count > 0 || activations[victim] > 0, "The killed silo held nothing, so the test showed nothing.");

        // The killed silo's proposals came back on the others, with the state asserted above.
        var survivors = _cluster.Silos.Where(silo => silo != victim).ToList();
        long reactivated = 0;
        foreach (var silo in survivors)
        {
            reactivated += await silo.ActivationsCreatedAsync("proposal") - activations.GetValueOrDefault(silo);
        }

        Assert.True(activations[victim] > 0, "The killed silo held no proposal.");
        Assert.True(reactivated >= activations[victim], $"{activations[victim]} proposals lived on the killed silo, {reactivated} were activated elsewhere after.");

        var recovered = load.Failures.Count == 0 ? TimeSpan.Zero : load.Failures.Max(failure => failure.EndedAt) - killedAt;
        var longest = new[] { load.LongestRequest, probe.LongestRead, creations.LongestRequest }.Max();
        var roster = await ReadMemberIdsAsync(admin);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            membership: {membership}; silos: 3, killed {victim.Name} holding {activations[victim]} of {activations.Values.Sum()} proposal activations; {fresh.Name} ready {freshReadyAfter.TotalSeconds:F1} s after the kill
            requests acknowledged: {load.Acknowledged} ({acknowledgedBeforeKill} before the kill); votes acknowledged (last per voter and proposal): {load.Ballots.Count}; ballots found: {found}
            failed attempts: {load.Failures.Count} ({string.Join(", ", load.Failures.GroupBy(failure => failure.Outcome).Select(group => $"{group.Count()} x {group.Key}"))}); longest failed: {(load.Failures.Count == 0 ? 0 : load.Failures.Max(failure => failure.Took.TotalSeconds)):F2} s; no reply: {hangs.Count}
            longest request (send to any answer): {longest.TotalSeconds:F2} s
            time to recover (kill to last failed attempt): {recovered.TotalSeconds:F1} s; the killed silo's probe proposal served again {probe.ServedAfter.TotalSeconds:F1} s after the kill, after {probe.FailedReads} failed reads
            members created with their own id: {creations.Created.Count} answered 201; others: {(creations.Failures.Count == 0 ? "none" : string.Join(", ", creations.Failures.Select(pair => $"{pair.Value} x {(int)pair.Key}")))}
            deadline proposals closed {deadlineClosedAfter!.Value.TotalSeconds:F1} s after their deadline
            reactivated elsewhere: {reactivated} proposal activations
            """));

        Assert.False(creations.Failures.ContainsKey(HttpStatusCode.Conflict), "A create with a new id answered 409: a retry did not recognise its own write.");
        Assert.Empty(creations.Created.Except(roster));
        Assert.True(longest <= AnswerBound, $"A request took {longest.TotalSeconds:F2} s to be answered.");
        Assert.True(recovered <= RecoveryBound, $"Requests still failed {recovered.TotalSeconds:F1} s after the kill.");
        Assert.True(probe.ServedAfter <= RecoveryBound, $"The killed silo's proposal served again only {probe.ServedAfter.TotalSeconds:F1} s after the kill.");
    }

    private static async Task<HashSet<string>> ReadMemberIdsAsync(HttpClient http)
    {
        var ids = new HashSet<string>();
        string? cursor = null;
        do
        {
            var query = cursor is null ? "limit=200" : $"limit=200&cursor={Uri.EscapeDataString(cursor)}";
            var page = await http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{Cooperative}/members?{query}", UriKind.Relative));
            ids.UnionWith(page.GetProperty("items").EnumerateArray().Select(member => member.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return ids;
    }

    private async Task<SiloProcess> HostOfTheProbeAsync()
    {
        foreach (var silo in _cluster.Silos)
        {
            if (await silo.ActivationsAsync("proposal") > 0)
            {
                return silo;
            }
        }

        throw new InvalidOperationException("No silo holds the probe proposal.");
    }

    /// <summary>Reads the probe proposal, whose silo was just killed, until it is served again.</summary>
    private static async Task<ProbeReads> ReadUntilServedAsync(HttpClient http, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var failed = 0;
        var longest = TimeSpan.Zero;
        while (clock.Elapsed < within)
        {
            var started = clock.Elapsed;
            using var response = await http.GetAsync(new Uri($"/v1/cooperatives/{Cooperative}/proposals/{Probe}", UriKind.Relative));
            var took = clock.Elapsed - started;
            longest = took > longest ? took : longest;
            if (response.IsSuccessStatusCode)
            {
                return new ProbeReads(clock.Elapsed, failed, longest);
            }

            failed++;
            await Task.Delay(100);
        }

        throw new TimeoutException($"The killed silo's proposal was not served again within {within.TotalSeconds} s.");
    }

    /// <summary>
    /// Polls the cooperative's index, which never activates a proposal, so only the durable deadline can have closed
    /// them; then returns how long after its deadline the latest one closed.
    /// </summary>
    private static async Task<TimeSpan?> WaitUntilClosedAsync(HttpClient http, string[] proposals, TimeSpan within)
    {
        var giveUpAt = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < giveUpAt)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{Cooperative}/proposals?status=closed&limit=200", UriKind.Relative));
            var closed = page.GetProperty("items").EnumerateArray().Where(item => proposals.Contains(item.GetProperty("id").GetString())).ToList();
            if (closed.Count == proposals.Length)
            {
                var lateness = TimeSpan.Zero;
                foreach (var proposal in proposals)
                {
                    var view = await http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{Cooperative}/proposals/{proposal}", UriKind.Relative));
                    var late = view.GetProperty("closedAt").GetDateTimeOffset() - view.GetProperty("closesAt").GetDateTimeOffset();
                    lateness = late > lateness ? late : lateness;
                }

                return lateness;
            }

            await Task.Delay(500);
        }

        return null;
    }


    /// <summary>When the probe proposal served again after the kill, the reads that failed before, and the slowest read.</summary>
    private sealed record ProbeReads(TimeSpan ServedAfter, int FailedReads, TimeSpan LongestRead);
}
