using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.TestServices;
using static Governance.System.Tests.Hosting.Requests;

namespace Governance.System.Tests;

/// <summary>
/// The real API on SQLite, killed with SIGKILL and started again: everything acknowledged is still there, and so is
/// the signing key the node generated, so tokens issued before the restart still work after it.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("governance-restart-").FullName;

    private static readonly string[] Members = ["ann", "ben", "cat", "dan", "eve"];

    private static readonly Dictionary<string, string> FastDeadlines = new() { ["Proposals__DeadlineReminderPeriod"] = "00:00:02" };

    [Fact]
    public async Task Tally_and_deadline_survive_a_sigkill()
    {
        string tallyBefore;
        DateTimeOffset deadline;
        var tokens = new Dictionary<string, string>();
        await using (var api = await ApiProcess.StartAsync(_dataDirectory, FastDeadlines))
        {
            foreach (var member in Members)
            {
                tokens[member] = await ApiProcess.IssueTokenAsync(_dataDirectory, member);
            }

            var ann = api.ClientWith(tokens["ann"]);
            await Send(ann, HttpMethod.Post, "/v1/cooperatives", new { id = "acme", name = "Acme", topics = (string[])["budget"] });
            foreach (var member in Members.Skip(1))
            {
                await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/members", new { id = member });
            }

            await Send(api.ClientWith(tokens["ben"]), HttpMethod.Put, "/v1/cooperatives/acme/members/ben/delegations/default", new { delegateId = "ann" });
            await Send(api.ClientWith(tokens["cat"]), HttpMethod.Put, "/v1/cooperatives/acme/members/cat/delegations/topics/budget", new { delegateId = "ben" });
            await Send(api.ClientWith(tokens["dan"]), HttpMethod.Put, "/v1/cooperatives/acme/members/dan/delegations/default", new { delegateId = "eve" });
            await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/proposals", new { id = "roof", title = "Fix the roof", topic = "budget" });
            await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/proposals/roof/open", null);
            await Send(api.ClientWith(tokens["eve"]), HttpMethod.Put, "/v1/cooperatives/acme/proposals/roof/delegations/eve", new { delegateId = "ann" });
            await Send(ann, HttpMethod.Put, "/v1/cooperatives/acme/proposals/roof/votes/ann", new { choice = "yes" });
            await Send(api.ClientWith(tokens["dan"]), HttpMethod.Put, "/v1/cooperatives/acme/proposals/roof/votes/dan", new { choice = "no" });

            deadline = DateTimeOffset.UtcNow.AddSeconds(4);
            await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/proposals", new { id = "paint", title = "Paint the hall", closesAt = deadline });
            await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/proposals/paint/open", null);
            await Send(api.ClientWith(tokens["ben"]), HttpMethod.Put, "/v1/cooperatives/acme/proposals/paint/votes/ben", new { choice = "yes" });

            tallyBefore = await ann.GetStringAsync(new Uri("/v1/cooperatives/acme/proposals/roof/tally", UriKind.Relative));
            await api.KillAsync();
        }

        Assert.Equal(
            JsonNode.Parse("""{"status":"voting","eligible":5,"participation":5,"counts":{"yes":4,"no":1,"abstain":0},"quorumReached":true,"outcome":null}"""),
            JsonNode.Parse(tallyBefore),
            JsonNode.DeepEquals);

        var untilDeadline = deadline - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (untilDeadline > TimeSpan.Zero)
        {
            await Task.Delay(untilDeadline);
        }

        await using (var api = await ApiProcess.StartAsync(_dataDirectory, FastDeadlines))
        {
            var ann = api.ClientWith(tokens["ann"]);
            var closed = await WaitForClosedProposal(ann, "paint");
            Assert.True(closed, $"The proposal whose deadline passed while the node was down never closed.\n{api.Output}");

            var tallyAfter = await ann.GetStringAsync(new Uri("/v1/cooperatives/acme/proposals/roof/tally", UriKind.Relative));
            Assert.Equal(JsonNode.Parse(tallyBefore), JsonNode.Parse(tallyAfter), JsonNode.DeepEquals);

            var paint = await ann.GetFromJsonAsync<JsonElement>(new Uri("/v1/cooperatives/acme/proposals/paint/tally", UriKind.Relative));
            Assert.Equal("closed", paint.GetProperty("status").GetString());
            Assert.Equal("accepted", paint.GetProperty("outcome").GetString());
            Assert.Equal(1, paint.GetProperty("counts").GetProperty("yes").GetInt32());
        }
    }

    [Fact]
    public async Task Every_acknowledged_concurrent_write_survives_a_sigkill()
    {
        const int Joins = 300;

        // One admin sends every join at once, more than the default per-identity burst allows.
        var settings = new Dictionary<string, string> { ["RateLimit__Burst"] = "1000" };
        string token;
        await using (var api = await ApiProcess.StartAsync(_dataDirectory, settings))
        {
            token = await ApiProcess.IssueTokenAsync(_dataDirectory, "admin");
            var admin = api.ClientWith(token);
            await Send(admin, HttpMethod.Post, "/v1/cooperatives", new { id = "busy", name = "Busy" });
            var joins = Enumerable.Range(0, Joins)
                .Select(i => Send(admin, HttpMethod.Post, "/v1/cooperatives/busy/members", new { id = $"m{i}" }));
            await Task.WhenAll(joins);
            await api.KillAsync();
        }

        await using (var api = await ApiProcess.StartAsync(_dataDirectory, settings))
        {
            var cooperative = await api.ClientWith(token).GetFromJsonAsync<JsonElement>(new Uri("/v1/cooperatives/busy", UriKind.Relative));
            Assert.Equal(Joins + 1, cooperative.GetProperty("memberCount").GetInt32());
        }
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    /// <summary>Polls the cooperative's index, which never activates the proposal, so only the durable deadline can have closed it.</summary>
    private static async Task<bool> WaitForClosedProposal(HttpClient http, string proposalId)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(new Uri("/v1/cooperatives/acme/proposals?status=closed", UriKind.Relative));
            if (page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("id").GetString() == proposalId))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }
}
