using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;
using Governance.Contracts.Proposals;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Proposals;

[Collection(ClusterCollection.Name)]
public sealed class DeadlineTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_ballot_after_the_deadline_is_refused_before_the_close_runs()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        var proposal = await scenario.OpenProposal(closesAt: fixture.Clock.GetUtcNow().AddDays(3));
        await proposal.Vote("ann", VoteChoice.Yes);

        fixture.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<GovernanceException>(() => proposal.Vote("ben", VoteChoice.No));
        Assert.Equal(ErrorKind.Conflict, refused.Kind);
        Assert.Equal(DecisionStatus.Voting, (await proposal.Get()).Status);
    }

    [Fact]
    public async Task An_active_proposal_closes_itself_at_its_deadline()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        await scenario.Cooperative.SetDelegation("ben", null, "ann");
        var proposal = await scenario.OpenProposal(closesAt: fixture.Clock.GetUtcNow().AddMilliseconds(500));
        await proposal.Vote("ann", VoteChoice.Yes);

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        var closed = await WaitForClose(proposal);
        Assert.Equal(ProposalOutcome.Accepted, closed.Outcome);
        Assert.Equal(new TallyCountsView(2, 0, 0), (await proposal.GetResult()).Counts);
    }

    private static async Task<DecisionView> WaitForClose(IDecisionGrain proposal)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var view = await proposal.Get();
            if (view.Status == DecisionStatus.Closed)
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The proposal never closed at its deadline.");
    }
}
