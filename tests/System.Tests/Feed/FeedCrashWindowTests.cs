using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Decisions;
using Governance.Domain.Voting;
using Governance.Grains.Decisions;
using Governance.Grains.Storage.Sqlite;
using Governance.TestServices;
using static Governance.System.Tests.Hosting.Requests;

namespace Governance.System.Tests.Feed;

/// <summary>
/// A silo that dies after a grain's append and before its push leaves an event in the grain's log that the feed never
/// heard of. These tests write exactly that state, with the real store and the proposal's log format, and show the
/// feed reconciling it in: once, after the events before it in that log, and agreeing with the grain.
/// </summary>
public sealed class FeedCrashWindowTests : IDisposable
{
    private const string Cooperative = "acme";

    private readonly TemporaryDirectory _dataDirectory = new();

    private string DatabasePath => Path.Combine(_dataDirectory.Path, "governance.db");

    [Fact]
    public async Task An_event_appended_without_its_push_reaches_the_feed_once_whether_the_node_was_down_or_up()
    {
        Directory.CreateDirectory(_dataDirectory.Path);
        await using var node = await SingleNode.StartAsync(_dataDirectory.Path, FeedTestSettings.FastReconcile);
        var members = await node.ClientsAsync(["ann", "ben", "cat"]);
        var ann = members["ann"];
        await Send(ann, HttpMethod.Post, "/v1/cooperatives", new { id = Cooperative, name = "Acme" });
        await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/members", new { id = "ben" });
        await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/members", new { id = "cat" });
        foreach (var proposal in (string[])["roof", "hall"])
        {
            await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals", new { id = proposal, title = proposal });
            await Send(ann, HttpMethod.Post, $"/v1/cooperatives/{Cooperative}/proposals/{proposal}/open", null);
        }

        await Send(ann, HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/roof/votes/ann", new { choice = "yes" });
        var before = await FeedReader.WaitForCountAsync(ann, Cooperative, 8, TimeSpan.FromSeconds(15));
        Assert.Equal(8, before.Count);
        await node.KillAsync();

        var whileDown = await AppendBallotAsync("proposal/acme/roof", "ben", Choice.No);
        await node.RestartAsync();
        var feed = await FeedReader.WaitUntilAsync(ann, Cooperative, events => events.Any(item => item.Id == whileDown), TimeSpan.FromSeconds(15));
        AssertReconciled(feed, whileDown, "ben", "no");
        Assert.Equal(new Dictionary<string, string> { ["ann"] = "yes", ["ben"] = "no" }, await BallotsAsync(ann, "roof"));

        // The hall's grain has not been activated since the restart, so only the log can tell the feed about this one.
        var whileUp = await AppendBallotAsync("proposal/acme/hall", "cat", Choice.Yes);
        feed = await FeedReader.WaitUntilAsync(ann, Cooperative, events => events.Any(item => item.Id == whileUp), TimeSpan.FromSeconds(15));
        AssertReconciled(feed, whileUp, "cat", "yes");
        Assert.Equal(new Dictionary<string, string> { ["cat"] = "yes" }, await BallotsAsync(ann, "hall"));

        // The grain goes on from the log it read, with no version conflict, and its next event follows in the feed.
        await Send(members["ben"], HttpMethod.Put, $"/v1/cooperatives/{Cooperative}/proposals/hall/votes/ben", new { choice = "no" });
        feed = await FeedReader.WaitUntilAsync(ann, Cooperative, events => events.Any(item => item.Id == "proposal/acme/hall/4"), TimeSpan.FromSeconds(15));
        Assert.Equal(before.Select(item => item.Id).Concat([whileDown, whileUp, "proposal/acme/hall/4"]), feed.Select(item => item.Id));
    }

    public void Dispose() => _dataDirectory.Dispose();

    /// <summary>Appends a ballot to a proposal's log as its grain would, through the store the node uses; returns the event's feed id.</summary>
    private async Task<string> AppendBallotAsync(string stream, string memberId, Choice choice)
    {
        await using var store = new SqliteEventStore(new SqliteStoreOptions(DatabasePath));
        var version = await store.ReadVersionAsync(stream);
        Assert.True(version > 0, $"{stream} has no events to follow.");
        var ballot = new BallotCast(DateTimeOffset.UtcNow, memberId, BallotMarks.Of(choice));
        await store.AppendAsync(stream, version, [DecisionLogFormat.Proposal.WriteEvent(ballot)]);
        return $"{stream}/{version + 1}";
    }

    private static void AssertReconciled(List<FeedEvent> feed, string id, string memberId, string choice)
    {
        var matching = feed.Where(item => item.Id == id).ToList();
        var reconciled = Assert.Single(matching);
        Assert.Equal(("ballot.cast", memberId, choice), (reconciled.Type, reconciled.Subject, reconciled.Detail));
        Assert.Equal($"/v1/cooperatives/{Cooperative}/proposals/{reconciled.Stream.Split('/')[^1]}", reconciled.Source);
        var ofItsLog = feed.Where(item => item.Stream == reconciled.Stream).Select(item => item.Version).ToList();
        Assert.Equal(Enumerable.Range(1, ofItsLog.Count).Select(version => (long)version), ofItsLog);
    }

    private static async Task<Dictionary<string, string>> BallotsAsync(HttpClient http, string proposal)
    {
        var page = await http.GetFromJsonAsync<JsonElement>(new Uri($"/v1/cooperatives/{Cooperative}/proposals/{proposal}/votes", UriKind.Relative));
        return page.GetProperty("items").EnumerateArray().ToDictionary(ballot => ballot.GetProperty("memberId").GetString()!, ballot => ballot.GetProperty("choice").GetString()!);
    }
}
