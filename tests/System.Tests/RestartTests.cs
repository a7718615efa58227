using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.System.Tests.Hosting;

namespace Governance.System.Tests;

/// <summary>The real API on SQLite, killed with SIGKILL and started again: everything acknowledged is still there.</summary>
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
        await using (var api = await ApiProcess.StartAsync(_dataDirectory, FastDeadlines))
        {
            var http = api.Client;
            await Send(http, HttpMethod.Post, "/v1/cooperatives", new { id = "acme", name = "Acme", topics = (string[])["budget"] });
            foreach (var member in Members)
            {
                await Send(http, HttpMethod.Post, "/v1/cooperatives/acme/members", new { id = member });
            }

            await Send(http, HttpMethod.Put, "/v1/cooperatives/acme/members/ben/delegations/default", new { delegateId = "ann" });
            await Send(http, HttpMethod.Put, "/v1/cooperatives/acme/members/cat/delegations/topics/budget", new { delegateId = "ben" });
            await Send(http, HttpMethod.Put, "/v1/cooperatives/acme/members/dan/delegations/default", new { delegateId = "eve" });
            await Send(http, HttpMethod.Post, "/v1/cooperatives/acme/proposals", new { id = "roof", title = "Fix the roof", topic = "budget" });
            await Send(http, HttpMethod.Post, "/v1/cooperatives/acme/proposals/roof/open", null);
            await Send(http, HttpMethod.Put, "/v1/cooperatives/acme/proposals/roof/delegations/eve", new { delegateId = "ann" });
            await Send(http, HttpMethod.Put, "/v1/cooperatives/acme/proposals/roof/votes/ann", new { choice = "yes" });
            await Send(http, HttpMethod.Put, "/v1/cooperatives/acme/proposals/roof/votes/dan", new { choice = "no" });

            deadline = DateTimeOffset.UtcNow.AddSeconds(4);
            await Send(http, HttpMethod.Post, "/v1/cooperatives/acme/proposals", new { id = "paint", title = "Paint the hall", closesAt = deadline });
            await Send(http, HttpMethod.Post, "/v1/cooperatives/acme/proposals/paint/open", null);
            await Send(http, HttpMethod.Put, "/v1/cooperatives/acme/proposals/paint/votes/ben", new { choice = "yes" });

            tallyBefore = await http.GetStringAsync(new Uri("/v1/cooperatives/acme/proposals/roof/tally", UriKind.Relative));
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
            var closed = await WaitForClosedProposal(api.Client, "paint");
            Assert.True(closed, $"The proposal whose deadline passed while the node was down never closed.\n{api.Output}");

            var tallyAfter = await api.Client.GetStringAsync(new Uri("/v1/cooperatives/acme/proposals/roof/tally", UriKind.Relative));
            Assert.Equal(JsonNode.Parse(tallyBefore), JsonNode.Parse(tallyAfter), JsonNode.DeepEquals);

            var paint = await api.Client.GetFromJsonAsync<JsonElement>(new Uri("/v1/cooperatives/acme/proposals/paint/tally", UriKind.Relative));
            Assert.Equal("closed", paint.GetProperty("status").GetString());
            Assert.Equal("accepted", paint.GetProperty("outcome").GetString());
            Assert.Equal(1, paint.GetProperty("counts").GetProperty("yes").GetInt32());
        }
    }

    [Fact]
    public async Task Every_acknowledged_concurrent_write_survives_a_sigkill()
    {
        const int Joins = 300;
        await using (var api = await ApiProcess.StartAsync(_dataDirectory))
        {
            await Send(api.Client, HttpMethod.Post, "/v1/cooperatives", new { id = "busy", name = "Busy" });
            var joins = Enumerable.Range(0, Joins)
                .Select(i => Send(api.Client, HttpMethod.Post, "/v1/cooperatives/busy/members", new { id = $"m{i}" }));
            await Task.WhenAll(joins);
            await api.KillAsync();
        }

        await using (var api = await ApiProcess.StartAsync(_dataDirectory))
        {
            var cooperative = await api.Client.GetFromJsonAsync<JsonElement>(new Uri("/v1/cooperatives/busy", UriKind.Relative));
            Assert.Equal(Joins, cooperative.GetProperty("memberCount").GetInt32());
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

    private static async Task Send(HttpClient http, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent,
            $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
