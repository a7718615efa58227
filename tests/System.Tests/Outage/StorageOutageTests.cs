using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.System.Tests.Failover;
using Governance.System.Tests.Hosting;
using Xunit.Abstractions;
using static Governance.System.Tests.Hosting.Requests;

namespace Governance.System.Tests.Outage;

/// <summary>
/// Two silos and the API as their client, voting concurrently while the store of membership goes away for 15 s and
/// comes back on the same ports with its data: the whole storage account (Azurite's blobs and tables) on the Azure-only
/// stack, or Redis with Redis membership. Every request is answered within 5 s meanwhile, reads of active grains still
/// succeed and refused writes are 503 with Retry-After; writes succeed again within 10 s of the return without any
/// process restarting, and every acknowledged vote is there afterwards.
/// </summary>
[Collection(TimedCollection.Name)]
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const string Cooperative = "coop";
    private const string Admin = "admin";

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LongestAnswer = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(10);

    private static readonly string[] Voters = [.. Enumerable.Range(0, 8).Select(i => $"v{i}")];
    private static readonly string[] VotedProposals = [.. Enumerable.Range(0, 6).Select(i => $"p{i}")];
    private static readonly string[] ReadProposals = ["read0", "read1"];

    private static readonly Dictionary<string, string> Unlimited = new()
    {
        ["RateLimit__Burst"] = "100000",
        ["RateLimit__PerSecond"] = "100000",
    };

    [Theory]
    [InlineData(ClusterMembership.AzureStorage)]
    [InlineData(ClusterMembership.Redis)]
    public async Task An_outage_of_the_store_is_answered_quickly_and_loses_no_acknowledged_vote(ClusterMembership membership)
    {
        await using var cluster = await LocalCluster.StartAsync(silos: 2, Unlimited, membership, redisKeepsData: true);
        var members = new Dictionary<string, HttpClient>();
        foreach (var member in Voters.Append(Admin))
        {
            members[member] = cluster.Api.ClientWith(await cluster.IssueTokenAsync(member), TimeSpan.FromSeconds(30));
        }

        try
        {
            await RunAsync(cluster, members, membership);
        }
        finally
        {
            foreach (var client in members.Values)
            {
                client.Dispose();
            }
        }
    }

    private async Task RunAsync(LocalCluster cluster, Dictionary<string, HttpClient> members, ClusterMembership membership)
    {
        var admin = members[Admin];
        await Send(admin, HttpMethod.Post, "/v1/cooperatives", new { id = Cooperative, name = "Outage" });
        foreach (var voter in Voters)
        {
            await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/members", new { id = voter });
        }

        foreach (var proposal in VotedProposals.Concat(ReadProposals))
        {
            await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals", new { id = proposal, title = proposal });
            await Send(admin, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/open", null);
        }

        var load = new OutageLoad(Cooperative, members, VotedProposals, ReadProposals, Voters, admin);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(5));

        var stopStore = membership == ClusterMembership.AzureStorage ? cluster.Azurite.StopAsync() : cluster.Redis!.StopAsync();
        await stopStore;
        var downFrom = DateTimeOffset.UtcNow;
        await Task.Delay(Outage);
        var downUntil = DateTimeOffset.UtcNow;
        await (membership == ClusterMembership.AzureStorage ? cluster.Azurite.StartAgainAsync() : cluster.Redis!.StartAgainAsync());
        var upAt = DateTimeOffset.UtcNow;
        await Task.Delay(Recovery + TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await running;

        var answers = load.Answers.ToList();
        var during = answers.Where(answer => answer.StartedAt >= downFrom && answer.StartedAt < downUntil).ToList();
        var writesDuring = during.Where(answer => answer.IsWrite).ToList();
        var readsDuring = during.Where(answer => !answer.IsWrite).ToList();
        var failedWritesAfter = answers.Where(answer => answer.IsWrite && answer.Status is not (>= 200 and < 300) && answer.EndedAt > upAt).ToList();
        var recoveredAfter = failedWritesAfter.Count == 0 ? TimeSpan.Zero : failedWritesAfter.Max(answer => answer.EndedAt) - upAt;
        var longestDuring = during.Max(answer => answer.Took);

        var found = 0;
        foreach (var proposal in VotedProposals)
        {
            var ballots = await ReadBallotsAsync(admin, Cooperative, proposal);
            var acknowledged = load.Ballots.Where(pair => pair.Key.Proposal == proposal).ToDictionary(pair => pair.Key.Member, pair => pair.Value);
            Assert.Equal(acknowledged.OrderBy(pair => pair.Key), ballots.OrderBy(pair => pair.Key));
            found += ballots.Count;
            var tally = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{Cooperative}/proposals/{proposal}/tally", UriKind.Relative));
            foreach (var (choice, count) in load.ExpectedCounts(proposal))
            {
                Assert.True(count == tally.GetProperty("counts").GetProperty(choice).GetInt32(), $"{proposal} {choice}: expected {count}, tally {tally}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            store stopped: {(membership == ClusterMembership.AzureStorage ? "Azurite (blobs and tables)" : "Redis (membership and reminders)")} for {(downUntil - downFrom).TotalSeconds:F1} s, 2 silos, {Voters.Length} voters
            votes during the outage: {Describe(writesDuring)}
            tally reads during the outage: {Describe(readsDuring)}
            longest answer during the outage: {longestDuring.TotalSeconds:F2} s; longest overall: {answers.Max(answer => answer.Took).TotalSeconds:F2} s
            time to recover (store listening again to the last failed vote): {recoveredAfter.TotalSeconds:F1} s; votes acknowledged after: {answers.Count(answer => answer.IsWrite && answer.StartedAt > upAt && answer.Status is >= 200 and < 300)}
            requests answered: {answers.Count}; votes acknowledged (last per voter and proposal): {load.Ballots.Count}; ballots found: {found}
            """));

        var wrong = answers.FirstOrDefault(answer => answer.Status is not ((>= 200 and < 300) or 503) || (answer.Status == 503 && !answer.HasRetryAfter));
        Assert.True(
            wrong is null,
            $"A {(wrong?.IsWrite == true ? "vote" : "read")} at {wrong?.StartedAt:O} got {wrong?.Status} (Retry-After: {wrong?.HasRetryAfter}).\n{cluster.Output}");
        Assert.True(longestDuring <= LongestAnswer, $"An answer during the outage took {longestDuring.TotalSeconds:F1} s.");
        Assert.True(readsDuring.Count > 0 && readsDuring.All(answer => answer.Status == 200), $"Reads of active grains during the outage: {Describe(readsDuring)}");
        if (membership == ClusterMembership.AzureStorage)
        {
            Assert.True(writesDuring.Any(answer => answer.Status == 503), $"No vote failed while the storage account was down: {Describe(writesDuring)}");
        }

        Assert.True(recoveredAfter <= Recovery, $"Votes still failed {recoveredAfter.TotalSeconds:F1} s after the store came back.\n{cluster.Output}");
        Assert.Contains(answers, answer => answer.IsWrite && answer.StartedAt > upAt + Recovery && answer.Status is >= 200 and < 300);
    }

    private static string Describe(IReadOnlyCollection<OutageAnswer> answers) =>
        string.Join(", ", answers.GroupBy(answer => answer.Status).OrderBy(group => group.Key).Select(group => $"{group.Count()} x {(group.Key == 0 ? "no reply" : group.Key.ToString(CultureInfo.InvariantCulture))}"));

}
