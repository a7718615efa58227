using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Proposals;

/// <summary>
/// A proposal grain created but not yet listed by its cooperative (the cooperative failed in between) accepts the
/// same draft again, and answers any other draft, even one without a title, as the conflict it is.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CreateProposalTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Creating_an_existing_proposal_again_without_a_title_is_a_conflict_and_changes_nothing()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann");
        var proposal = scenario.Proposal($"p-{Guid.NewGuid():N}");
        var draft = new DecisionDraft(scenario.CooperativeId, new CreateDecisionCommand("oven", "Buy an oven", null, null, DecisionMethod.Majority, null, "ann", Quorum: 0, Threshold: 0.5));
        var created = await proposal.Create(draft);

        var refused = await Assert.ThrowsAsync<GovernanceException>(() => proposal.Create(draft with { Command = draft.Command with { Title = null! } }));

        Assert.Equal((ErrorKind.Conflict, "proposal-exists"), (refused.Kind, refused.Code));
        Assert.Equal(created, await proposal.Get());
        Assert.Equal(created, await proposal.Create(draft));
    }
}
