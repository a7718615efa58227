using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using static Governance.System.Tests.Hosting.Requests;

namespace Governance.System.Tests.Failover;

/// <summary>
/// Two silos and the API as their client with one storage account and nothing else: event logs and grain state in
/// Azurite's blobs, membership and reminders in its tables. Votes are tallied across the cluster, and a deadline kept
/// only in the reminders table closes its proposal after the silo that held the proposal is killed.
/// </summary>
public sealed class AzureStorageClusterTests : IAsyncLifetime
{
    private const string Cooperative = "acme";

    private static readonly string[] Members = ["ann", "ben", "cat"];

    private static readonly Dictionary<string, string> FastDeadlines = new() { ["Proposals__DeadlineReminderPeriod"] = "00:00:02" };

    private LocalCluster _cluster = null!;
    private readonly Dictionary<string, HttpClient> _members = [];

    public async Task InitializeAsync()
    {
        _cluster = await LocalCluster.StartAsync(silos: 2, FastDeadlines, ClusterMembership.AzureStorage);
        foreach (var member in Members)
        {
            _members[member] = _cluster.Api.ClientWith(await _cluster.IssueTokenAsync(member));
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
    public async Task Votes_are_tallied_and_a_deadline_in_the_reminders_table_closes_its_proposal_after_its_silo_dies()
    {
        var tables = new TableServiceClient(_cluster.StorageConnectionString);
        var clusterId = _cluster.Settings["Orleans__ClusterId"];
        var activeSilos = tables.GetTableClient("OrleansSiloInstances")
            .Query<TableEntity>(entity => entity.PartitionKey == clusterId)
            .Count(entity => entity.GetString("Status") == "Active");
        Assert.Equal(2, activeSilos);

        var ann = _members["ann"];
        await Send(ann, HttpMethod.Post, "/v1/cooperatives", new { id = Cooperative, name = "Acme" });
        await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/members", new { id = "ben" });
        await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/members", new { id = "cat" });
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals", new { id = "paint", title = "Paint the hall", closesAt = deadline });
        await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals/paint/open", null);
        await Send(ann, HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/paint/votes/ann", new { choice = "yes" });
        await Send(_members["ben"], HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/paint/votes/ben", new { choice = "no" });
        await Send(_members["cat"], HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/paint/votes/cat", new { choice = "yes" });

        var voting = await ann.GetStringAsync(new Uri($"/v1/cooperatives/{Cooperative}/proposals/paint/tally", UriKind.Relative));
        Assert.Equal(
            JsonNode.Parse("""{"status":"voting","eligible":3,"participation":3,"counts":{"yes":2,"no":1,"abstain":0},"quorumReached":true,"outcome":null}"""),
            JsonNode.Parse(voting),
            JsonNode.DeepEquals);

        var reminders = tables.GetTableClient("OrleansReminders").Query<TableEntity>().ToList();
        Assert.Contains(
            reminders,
            reminder => reminder.GetString("ReminderName") == "deadline" && reminder.GetString("GrainReference").Contains("paint", StringComparison.Ordinal));

        // The proposal's timer dies with its silo, so only the stored reminder can close it.
        await (await HostOfTheProposalAsync()).KillAsync();
        Assert.True(await WaitForClosedAsync(ann, "paint", TimeSpan.FromSeconds(60)), $"The proposal never closed.\n{_cluster.Output}");

        var closed = await ann.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{Cooperative}/proposals/paint/tally", UriKind.Relative));
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("accepted", closed.GetProperty("outcome").GetString());
        Assert.Equal(2, closed.GetProperty("counts").GetProperty("yes").GetInt32());
        Assert.Equal(1, closed.GetProperty("counts").GetProperty("no").GetInt32());
    }

    private async Task<Hosting.SiloProcess> HostOfTheProposalAsync()
    {
        foreach (var silo in _cluster.Silos)
        {
            if (await silo.ActivationsAsync("proposal") > 0)
            {
                return silo;
            }
        }

        throw new InvalidOperationException("No silo holds the proposal.");
    }

    /// <summary>
    /// Polls the cooperative's index, which never activates the proposal, so only the durable deadline can have closed
    /// it. Calls may fail while the cluster is still finding out that a silo died.
    /// </summary>
    private static async Task<bool> WaitForClosedAsync(HttpClient http, string proposalId, TimeSpan within)
    {
        var giveUpAt = DateTimeOffset.UtcNow + within;
        while (DateTimeOffset.UtcNow < giveUpAt)
        {
            using var response = await http.GetAsync(new Uri($"/v1/cooperatives/{Cooperative}/proposals?status=closed", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                var page = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("id").GetString() == proposalId))
                {
                    return true;
                }
            }

            await Task.Delay(250);
        }

        return false;
    }
}
