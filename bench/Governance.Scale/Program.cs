using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Scale;

var options = ScaleOptions.Parse(args);
var tokens = new MemberTokens(options.SigningKey);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = new Uri(options.Api, $"/v1/cooperatives/{ScaleOptions.Cooperative}/"),
    Timeout = TimeSpan.FromMinutes(10),
};
var chains = new DelegationChains(options.Delegations, options.ChainLength);
var admin = ScaleOptions.MemberId(0);

if (options.Phase == "cold-start")
{
    await ColdStartAsync();
    return;
}

await CreateCooperativeAsync();
await ImportAsync();
await WaitForPeopleToldAsync();
await DelegateAsync();
await OpenProposalsAsync();
await VoteAsync();
await ReadTalliesAsync();
await ChangeDelegationsAsync();
Report("memory", ResidentMemory());

async Task CreateCooperativeAsync()
{
    using var create = Request(HttpMethod.Post, new Uri(options.Api, "/v1/cooperatives"), admin, new { id = ScaleOptions.Cooperative, name = "Scale" });
    (await http.SendAsync(create)).EnsureSuccessStatusCode();
}

async Task ImportAsync()
{
    var wall = Stopwatch.StartNew();
    long added = 0;
    for (var first = 1; first < options.Members; first += options.ImportLinesPerRequest)
    {
        var last = Math.Min(options.Members, first + options.ImportLinesPerRequest);
        using var import = new HttpRequestMessage(HttpMethod.Post, "members/import") { Content = MemberLines.Of(first, last) };
        import.Headers.Authorization = Bearer(admin);
        using var response = await http.SendAsync(import);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"import answered {(int)response.StatusCode}: {body}");
        }

        added += JsonDocument.Parse(body).RootElement.GetProperty("added").GetInt64();
    }

    Report("import", $"{added} members added in {wall.Elapsed.TotalSeconds:F1} s = {added / wall.Elapsed.TotalSeconds:F0} members/s, {options.ImportLinesPerRequest} lines a request");
}

// The people hear of their membership after the import replies; the API logs when all have, and later phases wait for it.
async Task WaitForPeopleToldAsync()
{
    if (options.ApiLog is null)
    {
        return;
    }

    var wall = Stopwatch.StartNew();
    while (wall.Elapsed < TimeSpan.FromMinutes(10))
    {
        using var log = new FileStream(options.ApiLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(log);
        var told = (await reader.ReadToEndAsync()).Split('\n').FirstOrDefault(line => line.Contains("know of their membership", StringComparison.Ordinal));
        if (told is not null)
        {
            Report("people told", $"{told.Trim()} ({wall.Elapsed.TotalSeconds:F1} s after the import's last answer)");
            return;
        }

        await Task.Delay(200);
    }

    throw new TimeoutException("The imported people were not all told of their membership within 10 minutes.");
}

async Task DelegateAsync()
{
    var links = chains.Links().ToArray();
    foreach (var (from, _) in links)
    {
        tokens.For(ScaleOptions.MemberId(from));
    }

    var (latencies, wall) = await LoadRunner.RunAsync(http, links.Length, options.Connections, item =>
    {
        var (from, to) = links[item];
        var member = ScaleOptions.MemberId(from);
        return Request(HttpMethod.Put, new Uri($"members/{member}/delegations/default", UriKind.Relative), member, new { delegateId = ScaleOptions.MemberId(to) });
    });
    Report("delegations", $"{latencies.Summary(wall)}; chains of up to {options.ChainLength}");
}

async Task OpenProposalsAsync()
{
    for (var proposal = 0; proposal < options.Proposals; proposal++)
    {
        using var create = Request(HttpMethod.Post, new Uri("proposals", UriKind.Relative), admin, new { id = $"p{proposal}", title = $"Proposal {proposal}" });
        (await http.SendAsync(create)).EnsureSuccessStatusCode();
    }

    var wall = Stopwatch.StartNew();
    for (var proposal = 0; proposal < options.Proposals; proposal++)
    {
        using var open = Request(HttpMethod.Post, new Uri($"proposals/p{proposal}/open", UriKind.Relative), admin, null);
        (await http.SendAsync(open)).EnsureSuccessStatusCode();
    }

    Report("open", $"{options.Proposals} proposals opened in {wall.Elapsed.TotalSeconds:F1} s");

    // The head of the first chain votes yes everywhere, so that moving part of its chain changes every proposal's tally.
    var head = ScaleOptions.MemberId(chains.Head(0));
    for (var proposal = 0; proposal < options.Proposals; proposal++)
    {
        using var vote = Request(HttpMethod.Put, new Uri($"proposals/p{proposal}/votes/{head}", UriKind.Relative), head, new { choice = "yes" });
        (await http.SendAsync(vote)).EnsureSuccessStatusCode();
    }
}

async Task VoteAsync()
{
    var random = new Random(16);
    string[] choices = ["yes", "no", "abstain"];
    var ballots = Enumerable.Range(0, options.Votes)
        .Select(item => (Proposal: item % options.Proposals, Member: ScaleOptions.MemberId(chains.OutsideFirstChain(random, options.Members)), Choice: choices[random.Next(3)]))
        .ToArray();
    foreach (var ballot in ballots)
    {
        tokens.For(ballot.Member);
    }

    var (latencies, wall) = await LoadRunner.RunAsync(http, ballots.Length, options.Connections, item =>
    {
        var (proposal, member, choice) = ballots[item];
        return Request(HttpMethod.Put, new Uri($"proposals/p{proposal}/votes/{member}", UriKind.Relative), member, new { choice });
    });
    Report("votes", latencies.Summary(wall));
}

async Task ReadTalliesAsync()
{
    var (latencies, wall) = await LoadRunner.RunAsync(http, 20 * options.Proposals, 8, item =>
        Request(HttpMethod.Get, new Uri($"proposals/p{item % options.Proposals}/tally", UriKind.Relative), admin, null));
    Report("tally reads", latencies.Summary(wall));
}

// Blocks and restores the delegation in the middle of the first chain; each change moves the weight of the members
// behind it off or back onto its head's yes in every proposal, and the time runs until every tally shows it.
async Task ChangeDelegationsAsync()
{
    var (member, delegateTo, carried) = chains.MiddleOfFirstChain();
    var id = ScaleOptions.MemberId(member);
    var expected = new long[options.Proposals];
    for (var proposal = 0; proposal < options.Proposals; proposal++)
    {
        expected[proposal] = await YesAsync(proposal);
    }

    var fresh = new List<double>();
    for (var change = 0; change < options.Changes; change++)
    {
        var blocking = change % 2 == 0;
        var started = Stopwatch.GetTimestamp();
        using var set = Request(HttpMethod.Put, new Uri($"members/{id}/delegations/default", UriKind.Relative), id,
            new { delegateId = blocking ? null : ScaleOptions.MemberId(delegateTo) });
        (await http.SendAsync(set)).EnsureSuccessStatusCode();
        await Task.WhenAll(Enumerable.Range(0, options.Proposals).Select(async proposal =>
        {
            expected[proposal] += blocking ? -carried : carried;
            while (await YesAsync(proposal) != expected[proposal])
            {
            }
        }));
        fresh.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    fresh.Sort();
    Report("delegation change to fresh tallies", string.Create(CultureInfo.InvariantCulture,
        $"{options.Changes} changes of {carried} members' weight, all {options.Proposals} proposals fresh after median {fresh[fresh.Count / 2]:F1} ms, max {fresh[^1]:F1} ms"));
}

async Task ColdStartAsync()
{
    var wall = Stopwatch.StartNew();
    using (var get = Request(HttpMethod.Get, new Uri("members/" + admin, UriKind.Relative), admin, null))
    {
        (await http.SendAsync(get)).EnsureSuccessStatusCode();
    }

    var firstAnswer = wall.Elapsed.TotalMilliseconds;
    var tallies = new List<double>();
    for (var proposal = 0; proposal < options.Proposals; proposal++)
    {
        var started = Stopwatch.GetTimestamp();
        await YesAsync(proposal);
        tallies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    Report("cold start", string.Create(CultureInfo.InvariantCulture,
        $"first answer {firstAnswer:F0} ms after ready; first tally of proposal p0 {tallies[0]:F0} ms, of all {options.Proposals} median {tallies.Order().ElementAt(tallies.Count / 2):F0} ms, max {tallies.Max():F0} ms"));
    Report("memory after cold start", ResidentMemory());
}

async Task<long> YesAsync(int proposal)
{
    using var read = Request(HttpMethod.Get, new Uri($"proposals/p{proposal}/tally", UriKind.Relative), admin, null);
    using var response = await http.SendAsync(read);
    response.EnsureSuccessStatusCode();
    using var tally = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
    return tally.RootElement.GetProperty("counts").GetProperty("yes").GetInt64();
}

HttpRequestMessage Request(HttpMethod method, Uri uri, string member, object? body)
{
    var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
    request.Headers.Authorization = Bearer(member);
    return request;
}

AuthenticationHeaderValue Bearer(string member) => new("Bearer", tokens.For(member));

string ResidentMemory()
{
    if (options.ApiProcessId == 0)
    {
        return "unknown (no --pid)";
    }

    var status = File.ReadAllLines($"/proc/{options.ApiProcessId}/status");
    string Field(string name) => status.First(line => line.StartsWith(name, StringComparison.Ordinal)).Split(':')[1].Trim();
    return $"API process resident {Field("VmRSS")}, peak {Field("VmHWM")}";
}

static void Report(string phase, string figures) => Console.WriteLine($"{phase}: {figures}");
