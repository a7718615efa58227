using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;
using Governance.Contracts.Priorities;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Priorities;

[Collection(ClusterCollection.Name)]
public sealed class PriorityPollDeadlineTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_ballot_after_the_deadline_is_refused_before_the_close_runs()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        var poll = await scenario.OpenPoll(fixture.Client, closesAt: fixture.Clock.GetUtcNow().AddDays(3));
        await poll.Rank("ann", "a");

        fixture.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromSeconds(1));

        var refused = await Assert.ThrowsAsync<GovernanceException>(() => poll.Rank("ben", "b"));
        Assert.Equal((ErrorKind.Conflict, "voting-not-open"), (refused.Kind, refused.Code));
        Assert.Equal(DecisionStatus.Voting, (await poll.Get()).Status);
    }

    [Fact]
    public async Task An_active_poll_closes_itself_at_its_deadline_with_the_weights_of_that_moment()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        await scenario.Cooperative.SetDelegation("ben", null, "ann");
        var poll = await scenario.OpenPoll(fixture.Client, closesAt: fixture.Clock.GetUtcNow().AddMilliseconds(500));
        await poll.Rank("ann", "c|a|b");

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        var closed = await poll.WaitForClose();
        Assert.Null(closed.ClosedBy);
        var result = await poll.GetResult();
        Assert.Equal((2, 2), (result.Eligible, result.Participation));
        Assert.Equal(["c", "a", "b"], result.Ranking!.Select(entry => entry.ItemId));
        Assert.Equal(PriorityPollStatus.Closed, (await scenario.Index(fixture.Client).ListPolls(null, null, 10)).Items.Single().Status);
    }

    [Fact]
    public async Task A_poll_reactivated_near_its_deadline_closes_itself_on_time()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann");
        var poll = await scenario.OpenPoll(fixture.Client, closesAt: fixture.Clock.GetUtcNow().AddDays(2));
        await poll.Rank("ann", "b");
        await fixture.Cluster.DeactivateAsync(poll);

        // Two days minus half a second ahead: only the reactivated grain's timer can close it within the wait.
        fixture.Clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMilliseconds(500));
        Assert.Equal(DecisionStatus.Voting, (await poll.Get()).Status);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(DecisionStatus.Closed, (await poll.WaitForClose()).Status);
    }
}
