using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Voting;
using Governance.Grains.Decisions;
using Governance.Grains.EventSourcing;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// Logs written before proposals and polls shared one vocabulary still replay into the same decisions. The fixtures
/// were serialized by that code (at 7ef075b), one event a line, and hold every event type it wrote.
/// </summary>
public sealed class DecisionLogUpcastTests
{
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
        var closed = DecisionLogUpcaster.ReadEvent(System.Text.Encoding.UTF8.GetBytes(File.ReadAllLines(Fixture("proposal-close-before-layers.ndjson")).Single()));

        var closing = Assert.IsType<VotingClosed>(closed);
        Assert.Equal((new TallyCounts(3, 2, 1, 0), true, Outcome.Accepted), (closing.Counts, closing.QuorumReached, closing.Outcome));
        Assert.Equal((null, null, null), (closing.Layers, closing.By, closing.Weights));
    }

    [Fact]
    public void Events_written_now_read_back_as_they_were_written()
    {
        var proposal = Replay("proposal-log-before-decisions.ndjson", DecisionKind.Proposal);
        var poll = Replay("poll-log-before-decisions.ndjson", DecisionKind.Poll);
        DecisionEvent[] events =
        [
            proposal.Created!, proposal.Opened!, new BallotCast(proposal.Created!.At, "ann", BallotMarks.Of(Choice.No)),
            new DelegationSet(proposal.Created.At, "dan", null), new DelegationCleared(proposal.Created.At, "dan"),
            new MemberLeft(proposal.Created.At, "hal"), new BallotWithdrawn(proposal.Created.At, "ann"), poll.Created!,
        ];

        foreach (var written in events)
        {
            Assert.Equal(EventSerializer.Serialize(written), EventSerializer.Serialize(DecisionLogUpcaster.ReadEvent(EventSerializer.Serialize(written))));
        }
    }

    private static Decision Replay(string fixture, DecisionKind kind)
    {
        var decision = new Decision(kind) { Limits = GovernanceLimits.Default };
        foreach (var line in File.ReadAllLines(Fixture(fixture)))
        {
            decision.Apply(DecisionLogUpcaster.ReadEvent(System.Text.Encoding.UTF8.GetBytes(line)));
        }

        return decision;
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", name);
}
