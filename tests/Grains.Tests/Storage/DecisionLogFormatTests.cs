using System.Text;
using System.Text.Json.Nodes;
using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using Governance.Grains.Decisions;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// Decision logs keep the format each kind always had. The fixtures were written by the code before proposals and
/// polls shared one model (at 7ef075b): logs one event a line, holding every event type it wrote, and the snapshots
/// of the upgrade fixture's decisions. They replay into the same decisions, and what this code writes for them is
/// what that code wrote, so it can still read them.
/// </summary>
public sealed class DecisionLogFormatTests
{
    public static TheoryData<string> StoredSnapshots =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures"), "snapshot-*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void A_proposal_log_in_the_proposal_vocabulary_replays_into_the_same_decision()
    {
        var proposal = Replay("proposal-log-before-decisions.ndjson", DecisionKind.Proposal);

        var created = proposal.Created!;
        Assert.Equal((CountingMethod.Majority, "New oven", "Gas or electric", "budget"), (created.Method, created.Title, created.Body, created.Topic));
        Assert.Equal((0.25, 0.5, "ann"), (created.Quorum, created.Threshold, created.CreatedBy));
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero), created.ClosesAt);
        Assert.Equal((DecisionStatus.Closed, 4L, "ann"), (proposal.Status, proposal.RosterVersion!.Value, proposal.Closing!.By));
        Assert.Equal(["ann", "ben", "cat"], proposal.Ballots.Keys);
        Assert.Equal([Choice.Yes, Choice.No, Choice.Abstain], proposal.Ballots.Values.Select(ballot => ballot.Marks.Choice!.Value));
        Assert.Equal(new Dictionary<string, string?> { ["dan"] = "cat", ["eve"] = null }, proposal.Delegations);
        Assert.Equal(["hal"], proposal.Left);
        Assert.Equal(new MajorityResult(new TallyCounts(8, 1, 1, 2), QuorumReached: true, Outcome.Rejected), proposal.Result(null, null));
        Assert.Equal([-1, 0, 1, -1, -1, -1, -1, -1], proposal.CountedLayers(null).DefaultLayer);
        Assert.Equal([-1, -1, -1, -1, -1, 2, -1, -1], proposal.CountedLayers(null).TopicLayer!);
        Assert.Equal(14, proposal.Version);
    }

    [Fact]
    public void A_poll_log_in_the_poll_vocabulary_replays_into_the_same_decision()
    {
        var poll = Replay("poll-log-before-decisions.ndjson", DecisionKind.Poll);

        var created = poll.Created!;
        Assert.Equal((CountingMethod.Dot, 10, "events"), (created.Method, created.Parameter, created.Topic));
        Assert.Equal([new DecisionItem("party", "Street party"), new DecisionItem("van", "Delivery van")], created.Items);
        Assert.Equal((DecisionStatus.Closed, CloseReason.Deadline, (string?)null), (poll.Status, poll.Closing!.Reason, poll.Closing.By));
        Assert.Equal(["ann", "eve"], poll.Ballots.Keys);
        Assert.Equal(new Dictionary<string, string?> { ["ben"] = "ann", ["cat"] = null }, poll.Delegations);
        Assert.Equal(["hal"], poll.Left);
        var result = Assert.IsType<RankingResult>(poll.Result(null, null));
        Assert.Equal((8, 3), (result.Eligible, result.Participation));

        // party 7 x 2 (ann carries ben), van 3 x 2 + 10 (eve).
        Assert.Equal([("party", 14.0), ("van", 16.0)], result.Ranking.Entries.OrderBy(entry => entry.Item, StringComparer.Ordinal).Select(entry => (entry.Item, entry.Score)));
        Assert.Equal(13, poll.Version);
    }

    [Fact]
    public void A_proposal_closed_before_closes_kept_their_layers_reads_its_frozen_counts()
    {
        var closed = DecisionLogFormat.Proposal.ReadEvent(Encoding.UTF8.GetBytes(File.ReadAllLines(Fixture("proposal-close-before-layers.ndjson")).Single()));

        var closing = Assert.IsType<VotingClosed>(closed);
        Assert.Equal((new TallyCounts(3, 2, 1, 0), true, Outcome.Accepted), (closing.Counts, closing.QuorumReached, closing.Outcome));
        Assert.Equal((null, null, null), (closing.Layers, closing.By, closing.Weights));
    }

    [Theory]
    [InlineData("proposal-log-before-decisions.ndjson", "proposal")]
    [InlineData("proposal-close-before-layers.ndjson", "proposal")]
    [InlineData("poll-log-before-decisions.ndjson", "poll")]
    public void Every_stored_event_is_written_back_as_it_was_stored(string fixture, string kind)
    {
        var format = kind == "proposal" ? DecisionLogFormat.Proposal : DecisionLogFormat.Poll;
        foreach (var line in File.ReadAllLines(Fixture(fixture)))
        {
            var written = format.WriteEvent(format.ReadEvent(Encoding.UTF8.GetBytes(line)));

            AssertSameJson(line, Encoding.UTF8.GetString(written));
        }
    }

    [Theory]
    [MemberData(nameof(StoredSnapshots))]
    public void A_stored_snapshot_is_written_back_as_it_was_stored(string file)
    {
        var kind = file.StartsWith("snapshot-proposal-", StringComparison.Ordinal) ? DecisionKind.Proposal : DecisionKind.Poll;
        var format = DecisionLogFormat.Of(kind);
        var stored = File.ReadAllText(Fixture(file));

        var restored = Decision.FromSnapshot(format.ReadSnapshot(Encoding.UTF8.GetBytes(stored)), kind, GovernanceLimits.Default);

        AssertSameJson(stored, Encoding.UTF8.GetString(format.WriteSnapshot(restored.ToSnapshot())));
    }

    /// <summary>The same document, whatever the order of its properties.</summary>
    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}\nactual   {actual}");

    private static Decision Replay(string fixture, DecisionKind kind)
    {
        var decision = new Decision(kind) { Limits = GovernanceLimits.Default };
        foreach (var line in File.ReadAllLines(Fixture(fixture)))
        {
            decision.Apply(DecisionLogFormat.Of(kind).ReadEvent(Encoding.UTF8.GetBytes(line)));
        }

        return decision;
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", name);
}
