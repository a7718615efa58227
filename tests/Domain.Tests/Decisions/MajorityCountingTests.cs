using Governance.Domain.Decisions;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>
/// Majority is one counting method beside the six ranking ones: it reads the choice of a ballot, and its close
/// records the same weights a ranking decision records, with the counts, quorum and outcome they make.
/// </summary>
public sealed class MajorityCountingTests
{
    // gus joined after voting opened. By default cat -> ann, dan -> ben, eve -> dan; at the decision scope eve -> ann.
    // ann (yes) carries cat and eve, ben (no) carries dan, fay abstains alone: 3 yes, 2 no, 1 abstain of 6 eligible.
    private static readonly string[] Members = ["ann", "ben", "cat", "dan", "eve", "fay", "gus"];

    private static readonly EligibleRoster Eligible = Roster(Members, "gus");

    private static readonly ClosingLayers Layers = new(Layer(Members, ("cat", "ann"), ("dan", "ben"), ("eve", "dan")), null);

    private static readonly CountingMethod[] RankingMethods =
        [CountingMethod.Schulze, CountingMethod.Borda, CountingMethod.Approval, CountingMethod.Score, CountingMethod.Quadratic, CountingMethod.Dot];

    [Fact]
    public void Majority_is_one_counting_method_beside_the_six_ranking_ones()
    {
        Assert.Equal([.. RankingMethods, CountingMethod.Majority], Enum.GetValues<CountingMethod>());
        Assert.Equal(DecisionKind.Proposal, DecisionKind.Of(CountingMethod.Majority));
        Assert.All(RankingMethods, method => Assert.Equal(DecisionKind.Poll, DecisionKind.Of(method)));
        Assert.Equal("choice", CountingRules.FieldOf(CountingMethod.Majority));
    }

    [Fact]
    public void A_majority_decision_refuses_a_ranking_ballot_even_in_discussion()
    {
        BallotMarks[] notChoices =
        [
            PollScenario.Ranking("a|b"),
            new(Approved: ["a"]),
            PollScenario.Allocations(("a", 1)),
            PollScenario.Ranking("a") with { Choice = Choice.Yes },
        ];

        foreach (var marks in notChoices)
        {
            AssertInvalid("wrong-ballot-method", "choice", () => ProposalScenario.InVoting().DecideCastBallot("ann", marks, true, Now));
            AssertInvalid("wrong-ballot-method", "choice", () => ProposalScenario.InDiscussion().DecideCastBallot("ann", marks, true, Now));
        }
    }

    [Theory]
    [InlineData(CountingMethod.Schulze, "ranking")]
    [InlineData(CountingMethod.Borda, "ranking")]
    [InlineData(CountingMethod.Approval, "approved")]
    [InlineData(CountingMethod.Score, "allocations")]
    [InlineData(CountingMethod.Quadratic, "allocations")]
    [InlineData(CountingMethod.Dot, "allocations")]
    public void A_ranking_decision_refuses_a_choice_ballot(CountingMethod method, string field)
    {
        foreach (var choice in Enum.GetValues<Choice>())
        {
            AssertInvalid("wrong-ballot-method", field, () => PollScenario.InVoting(method).DecideCastBallot("ann", BallotMarks.Of(choice), true, Now));
        }
    }

    /// <summary>The counts are what a majority result is made of; the ballots' weights, which only add up to them, are not stored.</summary>
    [Fact]
    public void A_majority_close_records_the_counts_the_quorum_and_the_outcome_and_not_the_weights()
    {
        var proposal = Voted(DecisionRule.Create(0.5, 0.5));
        Assert.Equal(new Dictionary<string, int> { ["ann"] = 3, ["ben"] = 2, ["fay"] = 1 }, proposal.BallotWeights(Eligible, Layers));

        var closed = Assert.IsType<VotingClosed>(proposal.DecideClose(Eligible, Layers, CloseReason.Requested, Now, Author));

        Assert.Equal((Now, CloseReason.Requested, Author), (closed.At, closed.Reason, closed.By));
        Assert.Equal((0, null), (closed.Eligible, closed.Weights));
        Assert.Equal(new TallyCounts(6, 3, 2, 1), closed.Counts);
        Assert.Equal((true, Outcome.Accepted), (closed.QuorumReached, closed.Outcome));
        Assert.Same(Layers, closed.Layers);
    }

    [Fact]
    public void A_majority_close_below_the_quorum_or_the_threshold_is_rejected()
    {
        var belowQuorum = Assert.IsType<VotingClosed>(Voted(DecisionRule.Create(1, 0.5)).DecideClose(Roster(Members), Layers, CloseReason.Deadline, Deadline, null));
        var belowThreshold = Assert.IsType<VotingClosed>(Voted(DecisionRule.Create(0.5, 0.6)).DecideClose(Eligible, Layers, CloseReason.Deadline, Deadline, null));

        Assert.Equal((new TallyCounts(7, 3, 2, 1), false, Outcome.Rejected), (belowQuorum.Counts, belowQuorum.QuorumReached, belowQuorum.Outcome));
        Assert.Equal((true, Outcome.Rejected), (belowThreshold.QuorumReached, belowThreshold.Outcome));
    }

    [Fact]
    public void A_majority_decisions_frozen_result_equals_the_live_one_just_before_the_close()
    {
        var proposal = Voted(DecisionRule.Create(0.5, 0.5));
        var live = Assert.IsType<MajorityResult>(proposal.Result(Eligible, Layers));

        proposal.Apply(proposal.DecideClose(Eligible, Layers, CloseReason.Requested, Now, Author));

        var frozen = Assert.IsType<MajorityResult>(proposal.Result(null, null));
        Assert.Null(live.Outcome);
        Assert.Equal(Outcome.Accepted, frozen.Outcome);
        Assert.Equal(live, frozen with { Outcome = null });
        Assert.Equal((6, 6), (frozen.Eligible, frozen.Participation));
        Assert.Throws<InvalidOperationException>(() => proposal.BallotWeights(null, null));
    }

    [Fact]
    public void Before_voting_a_majority_result_counts_nothing_and_reaches_no_quorum()
    {
        var result = Assert.IsType<MajorityResult>(ProposalScenario.InDiscussion().Result(null, null));

        Assert.Equal(new MajorityResult(TallyCounts.Empty, false, null), result);
        Assert.Empty(ProposalScenario.InDiscussion().BallotWeights(null, null));
    }

    [Fact]
    public void A_proposal_closed_before_weights_were_kept_reads_its_frozen_counts_and_has_no_weights()
    {
        var proposal = ProposalScenario.InVoting(rule: DecisionRule.Create(0.3, 0.5));
        var counts = new TallyCounts(10, 2, 1, 0);

        proposal.Apply(new VotingClosed(Now, CloseReason.Requested, Counts: counts, QuorumReached: true, Outcome: Outcome.Accepted));

        Assert.Equal(new MajorityResult(counts, true, Outcome.Accepted), proposal.Result(null, null));
        Assert.Throws<InvalidOperationException>(() => proposal.BallotWeights(null, null));
    }

    [Fact]
    public void A_ranking_decisions_frozen_weights_equal_its_live_weights()
    {
        var poll = PollScenario.InVoting().Rank("ann", "a|b|c").Rank("ben", "b|c|a").Rank("fay", "c|a|b").Delegate("eve", "ann");
        var liveWeights = poll.BallotWeights(Eligible, Layers);
        var live = poll.LiveResult(Eligible, Layers);

        poll.Apply(poll.DecideClose(Eligible, Layers, CloseReason.Requested, Now, Author));

        Assert.Equal(new Dictionary<string, int> { ["ann"] = 3, ["ben"] = 2, ["fay"] = 1 }, liveWeights);
        Assert.Equal(liveWeights, poll.Closing!.Weights);
        Assert.Equal(liveWeights, poll.BallotWeights(null, null));
        var frozen = poll.FrozenResult();
        Assert.Equal(live.Ranking.Entries, frozen.Ranking.Entries);
        Assert.Equal((live.Eligible, live.Participation), (frozen.Eligible, frozen.Participation));
        Assert.Null(poll.Closing.Counts);
    }

    /// <summary>ann yes, ben no, fay abstains, and eve delegates to ann at the decision scope.</summary>
    private static Decision Voted(DecisionRule rule) =>
        ProposalScenario.InVoting(rule: rule).Vote("ann", Choice.Yes).Vote("ben", Choice.No).Vote("fay", Choice.Abstain).Delegate("eve", "ann");
}
