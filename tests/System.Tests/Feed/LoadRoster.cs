using System.Net;
using System.Net.Http.Json;

namespace Governance.System.Tests.Feed;

/// <summary>
/// The cooperative a command load runs on: an admin who founds it and adds members, voters who only vote, delegators
/// who only delegate (to voters, so no delegation ever forms a cycle), and open proposals.
/// </summary>
public sealed record LoadRoster(string Cooperative, string Admin, string[] Voters, string[] Delegators, string[] Proposals)
{
    public static LoadRoster Of(string cooperative, int voters, int delegators, int proposals) =>
        new(
            cooperative,
            "admin",
            [.. Enumerable.Range(0, voters).Select(i => $"v{i}")],
            [.. Enumerable.Range(0, delegators).Select(i => $"d{i}")],
            [.. Enumerable.Range(0, proposals).Select(i => $"p{i}")]);

    public IEnumerable<string> Members => Voters.Concat(Delegators).Prepend(Admin);

    /// <summary>The cooperative's resource path, the source of its own events.</summary>
    public string CooperativeSource => $"/v1/cooperatives/{Cooperative}";

    public string ProposalSource(string proposal) => $"{CooperativeSource}/proposals/{proposal}";

    /// <summary>Creates the cooperative, its members and its open proposals; returns the events that must follow, in order.</summary>
    public async Task<List<ExpectedEvent>> CreateAsync(HttpClient admin)
    {
        var expected = new List<ExpectedEvent>();
        await SendAsync(admin, "/v1/cooperatives", new { id = Cooperative, name = Cooperative });
        expected.Add(new ExpectedEvent(CooperativeSource, Admin, "member.joined"));
        foreach (var member in Voters.Concat(Delegators))
        {
            await SendAsync(admin, $"{CooperativeSource}/members", new { id = member });
            expected.Add(new ExpectedEvent(CooperativeSource, member, "member.joined"));
        }

        foreach (var proposal in Proposals)
        {
            await SendAsync(admin, $"{CooperativeSource}/proposals", new { id = proposal, title = proposal });
            await SendAsync(admin, $"{ProposalSource(proposal)}/open", null);
            expected.Add(new ExpectedEvent(ProposalSource(proposal), proposal, "proposal.created"));
            expected.Add(new ExpectedEvent(ProposalSource(proposal), proposal, "proposal.opened"));
        }

        return expected;
    }

    private static async Task SendAsync(HttpClient http, string path, object? body)
    {
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), body is null ? null : JsonContent.Create(body));
        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created,
            $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
