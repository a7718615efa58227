using Governance.Domain.Cooperatives;
using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Grains.Decisions;
using Governance.Grains.EventSourcing;

namespace Governance.Grains.Tests.Storage;

/// <summary>
/// Logs and snapshots written before members' departures were recorded in decisions (and before topics named who
/// added them) still read back, and the new rules apply to them from there on. The fixtures were written by that code.
/// </summary>
public sealed class StoredFormatTests
{
    private static readonly DateTimeOffset Later = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_cooperative_log_replays_with_topics_that_name_nobody()
    {
        var cooperative = new Cooperative();
        foreach (var line in File.ReadAllLines(Fixture("cooperative-before-departures.ndjson")))
        {
            cooperative.Apply(EventSerializer.Deserialize<CooperativeEvent>(System.Text.Encoding.UTF8.GetBytes(line)));
        }

        Assert.Equal(["bread", "cakes"], cooperative.Topics);
        Assert.True(cooperative.IsMember("ben"));
        Assert.Equal(3, cooperative.Version);
    }

    [Fact]
    public void A_proposal_snapshot_restores_with_nobody_left_and_then_records_a_departure()
    {
        var snapshot = DecisionLogFormat.Proposal.ReadSnapshot(File.ReadAllBytes(Fixture("proposal-snapshot-before-departures.json")));
        var proposal = Decision.FromSnapshot(snapshot, DecisionKind.Proposal, GovernanceLimits.Default);

        Assert.Empty(proposal.Left);
        Assert.Equal(["ben"], proposal.Ballots.Keys);
        proposal.Apply(proposal.DecideMemberLeft("ben", Later)!);
        Assert.Empty(proposal.Ballots);
        Assert.Empty(proposal.Delegations);
        Assert.Equal(["ben"], Decision.FromSnapshot(DecisionLogFormat.Proposal.ReadSnapshot(DecisionLogFormat.Proposal.WriteSnapshot(proposal.ToSnapshot())), DecisionKind.Proposal, GovernanceLimits.Default).Left);
    }

    [Fact]
    public void A_poll_snapshot_restores_with_nobody_left_and_then_records_a_departure()
    {
        var snapshot = DecisionLogFormat.Poll.ReadSnapshot(File.ReadAllBytes(Fixture("poll-snapshot-before-departures.json")));
        var poll = Decision.FromSnapshot(snapshot, DecisionKind.Poll, GovernanceLimits.Default);

        Assert.Empty(poll.Left);
        Assert.Equal(["ben"], poll.Ballots.Keys);
        poll.Apply(poll.DecideMemberLeft("ben", Later)!);
        Assert.Empty(poll.Ballots);
        Assert.Empty(poll.Delegations);
        Assert.Equal(["ben"], Decision.FromSnapshot(DecisionLogFormat.Poll.ReadSnapshot(DecisionLogFormat.Poll.WriteSnapshot(poll.ToSnapshot())), DecisionKind.Poll, GovernanceLimits.Default).Left);
    }

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Storage", "Fixtures", name);
}
