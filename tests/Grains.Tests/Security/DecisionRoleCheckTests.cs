using Governance.Contracts.Cooperatives;
using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;
using Governance.Contracts.Proposals;
using Governance.Grains.Tests.Cluster;
using Governance.Grains.Tests.Priorities;

namespace Governance.Grains.Tests.Security;

/// <summary>
/// Decision grains act for an admin only after the cooperative confirms the role at their point of no return, so a
/// request that passed the API's check before the admin lost the right still changes nothing.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DecisionRoleCheckTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_demoted_admin_can_neither_open_nor_close_a_proposal()
    {
        var scenario = await ScenarioWithDemotedAdmin();
        var inDiscussion = await scenario.CreateProposal();
        var voting = await scenario.OpenProposal();

        await AssertAdminOnly(() => inDiscussion.Open("ben"));
        await AssertAdminOnly(() => voting.Close("ben"));

        Assert.Equal(DecisionStatus.Discussion, (await inDiscussion.Get()).Status);
        Assert.Equal(DecisionStatus.Voting, (await voting.Get()).Status);
    }

    [Fact]
    public async Task A_demoted_admin_can_neither_open_nor_close_a_poll()
    {
        var scenario = await ScenarioWithDemotedAdmin();
        var inDiscussion = await scenario.CreatePoll(fixture.Client);
        var voting = await scenario.OpenPoll(fixture.Client);

        await AssertAdminOnly(() => inDiscussion.Open("ben"));
        await AssertAdminOnly(() => voting.Close("ben"));

        Assert.Equal(DecisionStatus.Discussion, (await inDiscussion.Get()).Status);
        Assert.Equal(DecisionStatus.Voting, (await voting.Get()).Status);
    }

    [Fact]
    public async Task A_member_cannot_create_a_proposal_or_poll_once_only_admins_may()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        await scenario.Cooperative.ChangeSettings(new CooperativeSettingsView(false), "ann");

        await AssertAdminOnly(() => scenario.Cooperative.CreateProposal(new CreateDecisionCommand("p", "A proposal", null, null, DecisionMethod.Majority, null, "ben")));
        await AssertAdminOnly(() => scenario.Index(fixture.Client).CreatePoll(
            new CreateDecisionCommand("q", "A poll", null, null, DecisionMethod.Schulze, null, "ben", PollSetup.Items)));

        Assert.Empty((await scenario.Cooperative.ListProposals(null, null, 10)).Items);
        Assert.Empty((await scenario.Index(fixture.Client).ListPolls(null, null, 10)).Items);
    }

    /// <summary>ann founded it; ben was an admin and is a member again.</summary>
    private async Task<Scenario> ScenarioWithDemotedAdmin()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        await scenario.Cooperative.SetRole("ben", MemberRole.Admin, "ann");
        await scenario.Cooperative.SetRole("ben", MemberRole.Member, "ann");
        return scenario;
    }

    private static async Task AssertAdminOnly(Func<Task> command)
    {
        var refused = await Assert.ThrowsAsync<GovernanceException>(command);
        Assert.Equal((ErrorKind.Forbidden, "admin-only"), (refused.Kind, refused.Code));
    }
}
