using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.TestServices;
using static Governance.System.Tests.Hosting.Requests;

namespace Governance.System.Tests.Browser;

/// <summary>
/// samples/live-tally in a real headless chromium, served from another origin than the API: from an origin on
/// Api:Cors:AllowedOrigins it signs in, votes and follows the live tally to the final result; from one that is not,
/// the browser refuses its requests and none of its votes lands.
/// </summary>
public sealed class LiveTallyPageTests : IDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    private static readonly string[] Members = ["ann", "ben", "cat", "dan", "eve"];

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("governance-browser-").FullName;

    [Fact]
    public async Task The_sample_page_follows_the_live_tally_from_an_allowed_origin_and_is_refused_from_another()
    {
        var chromium = BrowserScript.Chromium;
        var sample = RepositoryRoot.Combine("samples", "live-tally");
        await using var allowedSite = await StaticSite.StartAsync(sample);
        await using var refusedSite = await StaticSite.StartAsync(sample);
        await using var api = await ApiProcess.StartAsync(_dataDirectory, new Dictionary<string, string> { ["Api__Cors__AllowedOrigins"] = allowedSite.Origin });
        var tokens = (await Task.WhenAll(Members.Select(async member => (member, token: await ApiProcess.IssueTokenAsync(_dataDirectory, member)))))
            .ToDictionary(pair => pair.member, pair => pair.token);

        using var ann = api.ClientWith(tokens["ann"]);
        await Send(ann, HttpMethod.Post, "/v1/cooperatives", new { id = "acme", name = "Acme Bakery" });
        foreach (var member in Members.Skip(1))
        {
            await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/members", new { id = member });
        }

        await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/proposals", new { id = "oven", title = "Buy a new oven" });
        await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/proposals/oven/open", null);
        await Send(ann, HttpMethod.Post, "/v1/cooperatives/acme/proposals", new { id = "paint", title = "Paint the hall" });

        var input = new
        {
            chromium,
            api = api.BaseAddress.GetLeftPart(UriPartial.Authority),
            cooperative = "acme",
            proposal = "oven",
            eligible = Members.Length,
            allowed = new { origin = allowedSite.Origin, token = tokens["ben"] },
            otherVotes = new[]
            {
                new { member = "cat", token = tokens["cat"], choice = "yes" },
                new { member = "dan", token = tokens["dan"], choice = "no" },
            },
            adminToken = tokens["ann"],
            expectedOutcome = "accepted",
            refused = new { origin = refusedSite.Origin, token = tokens["eve"], member = "eve" },
        };
        var run = await BrowserScript.RunAsync("live-tally.mjs", JsonSerializer.Serialize(input), ScriptTimeout);
        Assert.True(run.ExitCode == 0, $"The browser script failed.\n{run.Output}\n--- API\n{api.Output}");

        var shown = JsonNode.Parse(run.LastLine)!;
        Assert.Equal(
            JsonNode.Parse("""
                {"status":"closed","outcome":"accepted","counts":{"yes":2,"no":1,"abstain":0},"participation":3,"eligible":5,
                 "yesWidthAfterOwnVote":"20%","voteButtonsDisabled":true}
                """),
            shown["allowed"],
            JsonNode.DeepEquals);
        Assert.Equal(
            JsonNode.Parse("""{"status":"closed","eligible":5,"participation":3,"counts":{"yes":2,"no":1,"abstain":0},"quorumReached":true,"outcome":"accepted"}"""),
            JsonNode.Parse(await ann.GetStringAsync(new Uri("/v1/cooperatives/acme/proposals/oven/tally", UriKind.Relative))),
            JsonNode.DeepEquals);

        var refused = shown["refused"]!;
        Assert.Equal(
            $"Could not reach {input.api}: the API is not running there, or it refused this page's origin ({refusedSite.Origin}). "
            + "An operator allows an origin with Api__Cors__AllowedOrigins.",
            refused["error"]!.GetValue<string>());
        Assert.False(refused["sessionShown"]!.GetValue<bool>());
        Assert.Equal("failed: TypeError", refused["voteFromScript"]!.GetValue<string>());

        var ballots = await ann.GetFromJsonAsync<JsonElement>(new Uri("/v1/cooperatives/acme/proposals/oven/votes", UriKind.Relative));
        Assert.Equal(
            ["ben:yes", "cat:yes", "dan:no"],
            ballots.GetProperty("items").EnumerateArray()
                .Select(ballot => $"{ballot.GetProperty("memberId").GetString()}:{ballot.GetProperty("choice").GetString()}")
                .Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
