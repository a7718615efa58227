using Governance.Contracts.Decisions;
using Governance.Contracts.Proposals;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Proposals;

/// <summary>
/// A decision that missed the cooperative's notice of a departure finds it when it next reads the roster, and
/// records it before it counts anything.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UnnoticedDepartureTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_proposal_the_cooperative_does_not_list_still_ends_the_part_of_a_member_who_left()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat");

        // Created directly, so the cooperative's index never lists it and sends it no notice.
        var proposal = scenario.Proposal($"p-{Guid.NewGuid():N}");
        await proposal.Create(new DecisionDraft(scenario.CooperativeId, new CreateDecisionCommand("unlisted", "Unlisted", null, null, DecisionMethod.Majority, null, "ann", Quorum: 0, Threshold: 0.5)));
        await proposal.Open("ann");
        await proposal.SetDelegation("cat", "ben");
        await proposal.Vote("ben", VoteChoice.Yes);
        await proposal.Vote("ann", VoteChoice.No);
        Assert.Equal(new TallyCountsView(2, 1, 0), (await proposal.GetResult()).Counts);

        await scenario.Cooperative.RemoveMember("ben", "ann");

        var tally = await proposal.GetResult();
        Assert.Equal((3, 1, new TallyCountsView(0, 1, 0)), (tally.Eligible, tally.Participation, tally.Counts));
        Assert.Equal(["ann"], (await proposal.ListBallots(null, 10)).Items.Select(ballot => ballot.MemberId));
        Assert.False((await proposal.Trace("cat")).Counted);
    }
}
