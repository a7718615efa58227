using System.Globalization;
using Governance.TestServices;
using Xunit.Abstractions;

namespace Governance.System.Tests.Feed;

/// <summary>
/// The single node on SQLite, killed with SIGKILL in the middle of concurrent commands and started again: the feed
/// holds every acknowledged command's event exactly once, in each member's order, and nothing else.
/// </summary>
public sealed class FeedRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Workers = 6;

    private readonly TemporaryDirectory _dataDirectory = new();

    [Fact]
    public async Task Every_acknowledged_command_reaches_the_feed_once_and_in_order_across_a_sigkill()
    {
        Directory.CreateDirectory(_dataDirectory.Path);
        var roster = LoadRoster.Of("acme", voters: 8, delegators: 4, proposals: 4);
        await using var node = await SingleNode.StartAsync(_dataDirectory.Path, FeedTestSettings.FastReconcile);
        var members = await node.ClientsAsync(roster.Members);
        var setup = await roster.CreateAsync(members[roster.Admin]);

        var load = new CommandLoad(roster, members);
        using var stop = new CancellationTokenSource();
        var running = load.Start(Workers, stop.Token);
        await load.WaitForAcknowledgedAsync(300, TimeSpan.FromSeconds(60));
        await node.KillAsync();
        var acknowledgedAtKill = load.Acknowledged.Count;

        await node.RestartAsync();
        var acknowledgedAtRestart = load.Acknowledged.Count;
        await load.WaitForAcknowledgedAsync(acknowledgedAtRestart + 150, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running;

        var feed = await FeedReader.WaitForCountAsync(members[roster.Admin], roster.Cooperative, setup.Count + load.Acknowledged.Count, TimeSpan.FromSeconds(30));
        var summary = FeedCheck.Verify(feed, setup, load.Acknowledged);
        Assert.True(load.Failures.Count > 0, "No request failed, so the kill fell outside the load and the test showed nothing.");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            acknowledged: {acknowledgedAtKill} before the kill, {acknowledgedAtRestart} when the node was ready again, {load.Acknowledged.Count} in all
            {summary}
            failed attempts: {load.Failures.Count} ({string.Join(", ", load.Failures.GroupBy(failure => failure.Outcome).Select(group => $"{group.Count()} x {group.Key}"))})
            """));
    }

    public void Dispose() => _dataDirectory.Dispose();
}
