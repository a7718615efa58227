using Governance.Domain.Decisions;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>A closed decision's audit: everything it was counted from, by member id, and nothing before the close.</summary>
public sealed class DecisionAuditTests
{
    private static readonly string[] Members = ["ann", "ben", "cat", "dan", "eve"];

    [Fact]
    public void The_audit_names_the_eligible_members_and_every_delegation_they_were_counted_under_by_id()
    {
        var roster = Roster(Members, "eve");
        var layers = new ClosingLayers(
            Layer(Members, ("ben", "ann"), ("cat", null), ("eve", "ann")),
            Layer(Members, ("dan", "eve")));
        var proposal = ProposalScenario.InVoting(topic: "budget").Vote("ann", Choice.Yes).Delegate("dan", "cat").Delegate("ann", null).Delegate("eve", "ben");
        proposal.Close(roster, layers);

        var audit = proposal.Audit(roster);

        Assert.Equal(["ann", "ben", "cat", "dan"], audit.Eligible);
        Assert.Equal(new Dictionary<string, string?> { ["ben"] = "ann", ["cat"] = null }, audit.DefaultDelegations);
        Assert.Equal(new Dictionary<string, string?> { ["dan"] = "eve" }, audit.TopicDelegations);
        Assert.Equal(new Dictionary<string, string?> { ["ann"] = null, ["dan"] = "cat" }, audit.DecisionDelegations);
        Assert.Equal(["ann"], audit.Ballots.Select(ballot => ballot.MemberId));
        Assert.Equal(new MajorityResult(new TallyCounts(4, 2, 0, 0), QuorumReached: true, Outcome.Accepted), audit.Result);
    }

    [Fact]
    public void Without_a_topic_the_topic_scope_is_empty_and_a_poll_keeps_its_frozen_weights()
    {
        string[] members = ["ann", "ben", "cat"];
        var roster = Roster(members);
        var poll = PollScenario.InVoting().Rank("ann", "b|a|c");
        poll.Close(roster, new ClosingLayers(Layer(members, ("cat", "ann")), null));

        var audit = poll.Audit(roster);

        Assert.Empty(audit.TopicDelegations);
        var result = Assert.IsType<RankingResult>(audit.Result);
        Assert.Equal((3, 2), (result.Eligible, result.Participation));
        Assert.Equal(["b", "a", "c"], result.Ranking.Entries.Select(entry => entry.Item));
    }

    [Theory]
    [InlineData("proposal")]
    [InlineData("poll")]
    public void There_is_no_audit_before_the_close(string noun)
    {
        var kind = Kind(noun);

        AssertConflict($"{noun}-not-closed", () => { InDiscussion(kind).RequireAuditable(); return null; });
        AssertConflict($"{noun}-not-closed", () => InVoting(kind).Audit(Roster(Members)));
    }

    [Fact]
    public void A_decision_closed_before_its_layers_were_kept_has_no_audit()
    {
        var proposal = ProposalScenario.InVoting();
        proposal.Apply(new VotingClosed(Now, CloseReason.Deadline, Layers: null, Counts: new TallyCounts(3, 2, 1, 0), QuorumReached: true, Outcome: Outcome.Accepted));

        AssertConflict("audit-unavailable", () => proposal.Audit(Roster(Members)));
    }
}
