using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.TestServices;
using Xunit.Abstractions;

namespace Governance.System.Tests.Feed;

/// <summary>
/// A webhook on a receiver in the test process, with the single node killed with SIGKILL while it delivers: every
/// event of the feed reaches the receiver at least once, signed, and in feed order once repeats are set aside.
/// </summary>
public sealed class WebhookRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Workers = 4;

    private readonly TemporaryDirectory _dataDirectory = new();

    [Fact]
    public async Task Every_feed_event_is_delivered_signed_and_in_order_across_a_sigkill()
    {
        Directory.CreateDirectory(_dataDirectory.Path);
        await using var receiver = await WebhookReceiver.StartAsync(answerAfter: TimeSpan.FromMilliseconds(5));
        var settings = new Dictionary<string, string>(FeedTestSettings.FastReconcile)
        {
            ["Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
            ["Webhooks__RetrySchedule__0"] = "00:00:00",
            ["Webhooks__RetrySchedule__1"] = "00:00:01",
        };
        var roster = LoadRoster.Of("acme", voters: 6, delegators: 2, proposals: 3);
        await using var node = await SingleNode.StartAsync(_dataDirectory.Path, settings);
        var members = await node.ClientsAsync(roster.Members);
        var admin = members[roster.Admin];
        var setup = await roster.CreateAsync(admin);
        var (secret, start) = await RegisterAsync(admin, roster.Cooperative, receiver.Url);

        var load = new CommandLoad(roster, members);
        using var stop = new CancellationTokenSource();
        var running = load.Start(Workers, stop.Token);
        await load.WaitForAcknowledgedAsync(150, TimeSpan.FromSeconds(60));
        Assert.True(await WaitUntilAsync(() => receiver.Received.Count >= 60, TimeSpan.FromSeconds(30)), $"Deliveries never started:\n{node.Output}");
        var feedAtKill = (await FeedReader.ReadAllAsync(admin, roster.Cooperative)).Count;
        await node.KillAsync();
        var receivedAtKill = receiver.Received.Count;

        await node.RestartAsync();
        await load.WaitForAcknowledgedAsync(load.Acknowledged.Count + 60, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running;

        var feed = await FeedReader.WaitForCountAsync(admin, roster.Cooperative, setup.Count + load.Acknowledged.Count, TimeSpan.FromSeconds(30));
        var summary = FeedCheck.Verify(feed, setup, load.Acknowledged);
        var ids = (await FeedReader.ReadAllAsync(admin, roster.Cooperative, start)).Select(item => item.Id).ToList();
        bool AllDelivered() => ids.All(receiver.Received.Select(item => item.Id).ToHashSet().Contains);
        Assert.True(
            await WaitUntilAsync(AllDelivered, TimeSpan.FromSeconds(60)),
            $"Events never delivered: {string.Join(", ", ids.Except(receiver.Received.Select(item => item.Id)))}\n{node.Output}");

        var received = receiver.Received.ToList();
        var firstOccurrences = received.Select(item => item.Id).Distinct().ToList();
        Assert.Equal(ids, firstOccurrences);
        var unsigned = received.Where(item => !item.SignedWith(secret)).Select(item => item.Id).ToList();
        Assert.True(unsigned.Count == 0, $"Requests without a valid signature: {string.Join(", ", unsigned)}");
        var asServed = feed.ToDictionary(item => item.Id, item => JsonNode.Parse(item.Json.GetRawText()));
        var altered = received.Where(item => !JsonNode.DeepEquals(asServed[item.Id], JsonNode.Parse(item.Body))).Select(item => item.Id).ToList();
        Assert.True(altered.Count == 0, $"Delivered bodies that differ from the feed's event: {string.Join(", ", altered)}");

        var repeats = received.GroupBy(item => item.Id).Where(group => group.Count() > 1).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {summary}
            at the kill: {receivedAtKill} requests received, the feed held {feedAtKill} events
            received: {received.Count} requests for {firstOccurrences.Count} events; {received.Count - firstOccurrences.Count} repeats of {repeats.Count} events ({(repeats.Count == 0 ? "none" : $"{repeats.First().Key} to {repeats.Last().Key}")})
            failed attempts of the load: {load.Failures.Count}
            """));
    }

    public void Dispose() => _dataDirectory.Dispose();

    /// <summary>
    /// Registers the receiver for every event type; returns the signing secret the 201 gives and the feed cursor
    /// delivery starts after (the feed's end when it was created).
    /// </summary>
    private static async Task<(string Secret, string Start)> RegisterAsync(HttpClient admin, string cooperative, string url)
    {
        using var response = await admin.PostAsJsonAsync(new Uri($"/v1/cooperatives/{cooperative}/webhooks", UriKind.Relative), new { url });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering the webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var shown = await admin.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        return (created.GetProperty("secret").GetString()!, shown.GetProperty("progress").GetProperty("deliveredThrough").GetString()!);
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan within)
    {
        var giveUpAt = DateTimeOffset.UtcNow + within;
        while (!done())
        {
            if (DateTimeOffset.UtcNow > giveUpAt)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
