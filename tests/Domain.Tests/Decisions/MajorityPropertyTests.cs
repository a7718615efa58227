using FsCheck.Xunit;
using Governance.Domain.Decisions;
using Governance.Domain.Tests.Voting;
using Governance.Domain.Voting;
using static Governance.Domain.Tests.Decisions.DecisionScenario;

namespace Governance.Domain.Tests.Decisions;

/// <summary>
/// A majority decision counts its ballots' weights: for random ballots and delegations at every scope, the yes, no
/// and abstain counts frozen at close are the weights the ballots carried just before it, summed by choice.
/// </summary>
public sealed class MajorityPropertyTests
{
    [Property(Arbitrary = [typeof(RandomNetworks)], MaxTest = 300, EndSize = 40)]
    public void The_counts_at_close_are_the_ballots_weights_summed_by_choice(RandomNetwork network)
    {
        var (proposal, roster, layers) = Proposal(network);
        var live = Assert.IsType<MajorityResult>(proposal.Result(roster, layers));
        var weights = proposal.BallotWeights(roster, layers);

        var closed = Assert.IsType<VotingClosed>(proposal.DecideClose(roster, layers, CloseReason.Requested, Now, Author));
        proposal.Apply(closed);

        int WeightOf(Choice choice) =>
            proposal.Ballots.Values.Where(ballot => ballot.Marks.Choice == choice).Sum(ballot => weights[ballot.MemberId]);
        var counts = closed.Counts!;
        Assert.Equal(proposal.Ballots.Keys, weights.Keys.Order(StringComparer.Ordinal));
        Assert.All(weights.Values, weight => Assert.True(weight >= 1, "A direct ballot carries at least its voter."));
        Assert.Equal((WeightOf(Choice.Yes), WeightOf(Choice.No), WeightOf(Choice.Abstain)), (counts.Yes, counts.No, counts.Abstain));
        Assert.Equal(roster.EligibleCount, counts.Eligible);

        var frozen = Assert.IsType<MajorityResult>(proposal.Result(null, null));
        Assert.Equal(weights.Values.Sum(), frozen.Participation);
        Assert.Equal(counts, frozen.Counts);
        Assert.Equal(live, frozen with { Outcome = null });
        Assert.Equal(ReferenceResolver.Tally(network), counts);
    }

    /// <summary>
    /// The network as a proposal in voting: member i is "m{i}", eligible members with a choice cast it, and the
    /// network's proposal layer becomes decision-scope delegations by id; a delegate outside the network is an id
    /// the roster does not know.
    /// </summary>
    private static (Decision Proposal, EligibleRoster Roster, ClosingLayers Layers) Proposal(RandomNetwork network)
    {
        string[] members = [.. Enumerable.Range(0, network.Count).Select(index => $"m{index}")];
        var roster = new EligibleRoster(members, network.Eligible);
        var proposal = ProposalScenario.InVoting(topic: network.TopicLayer is null ? null : "bread");
        for (var member = 0; member < network.Count; member++)
        {
            if (network.Direct[member] is { } choice && network.Eligible[member])
            {
                proposal.Vote(members[member], choice);
            }
        }

        foreach (var (member, entry) in network.ProposalLayer)
        {
            var delegateId = entry switch
            {
                DelegationEntry.None => "",
                DelegationEntry.Blocked => null,
                RandomNetwork.OutsideNetwork => "outsider",
                _ => members[entry],
            };
            if (delegateId != "" && proposal.DecideSetDelegation(members[member], delegateId, Now) is { } set)
            {
                proposal.Apply(set);
            }
        }

        return (proposal, roster, new ClosingLayers(network.DefaultLayer, network.TopicLayer));
    }
}
