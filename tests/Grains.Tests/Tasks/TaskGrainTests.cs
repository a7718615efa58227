using Governance.Contracts.Errors;
using Governance.Contracts.Proposals;
using Governance.Contracts.Tasks;
using Governance.Grains.Tests.Cluster;
using TaskStatus = Governance.Contracts.Tasks.TaskStatus;

namespace Governance.Grains.Tests.Tasks;

[Collection(ClusterCollection.Name)]
public sealed class TaskGrainTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_task_and_its_board_listing_survive_reactivation()
    {
        var scenario = await new Scenario(Client).WithMembers("ann", "ben");
        var task = await scenario.CreateTask(Client, ["welding"]);
        await task.Claim("ben");
        var progressed = await task.PostProgress("ben", "Half done");

        await fixture.Cluster.DeactivateAsync(task);
        await fixture.Cluster.DeactivateAsync(scenario.Board(Client));

        var reloaded = await task.Get();
        Assert.Equal(progressed with { RequiredSkills = [] }, reloaded with { RequiredSkills = [] });
        Assert.Equal(["welding"], reloaded.RequiredSkills);
        var events = await task.ListEvents(null, 10);
        Assert.Equal(["created", "claimed", "progress"], events.Items.Select(item => item.Type));
        Assert.Equal("Half done", events.Items[2].Note);
        var listed = Assert.Single((await scenario.Board(Client).ListTasks(null, null, 10)).Items);
        Assert.Equal((TaskStatus.Claimed, "ben"), (listed.Status, listed.ClaimedBy));
    }

    [Fact]
    public async Task A_claim_without_progress_expires_on_time_and_the_task_reopens()
    {
        var scenario = await new Scenario(Client).WithMembers("ann", "ben");
        var task = await scenario.CreateTask(Client);
        await task.Claim("ben");

        fixture.Clock.Advance(ClusterFixture.ClaimTimeout + TimeSpan.FromSeconds(1));

        await WaitUntil(async () => (await task.Get()).Status == TaskStatus.Open);
        var events = await task.ListEvents(null, 10);
        Assert.Equal(["created", "claimed", "claim-expired"], events.Items.Select(item => item.Type));
        Assert.Null(events.Items[2].By);
        await WaitUntil(async () => (await scenario.Board(Client).ListTasks(TaskStatus.Open, null, 10)).Items.Count == 1);
    }

    [Fact]
    public async Task A_claim_that_lapsed_while_the_task_was_inactive_expires_when_it_comes_back()
    {
        var scenario = await new Scenario(Client).WithMembers("ann", "ben");
        var task = await scenario.CreateTask(Client);
        await task.Claim("ben");
        await fixture.Cluster.DeactivateAsync(task);

        fixture.Clock.Advance(ClusterFixture.ClaimTimeout + TimeSpan.FromSeconds(1));

        await WaitUntil(async () => (await task.Get()).Status == TaskStatus.Open);
        Assert.Equal("claim-expired", (await task.ListEvents(null, 10)).Items[^1].Type);
    }

    [Fact]
    public async Task Progress_keeps_a_claim_alive()
    {
        var scenario = await new Scenario(Client).WithMembers("ann", "ben");
        var task = await scenario.CreateTask(Client);
        await task.Claim("ben");

        fixture.Clock.Advance(ClusterFixture.ClaimTimeout - TimeSpan.FromSeconds(1));
        var progressed = await task.PostProgress("ben", null);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1.5));
        await Task.Delay(ClusterFixture.ClaimTimeout);

        Assert.Equal(TaskStatus.Claimed, (await task.Get()).Status);
        Assert.Equal(fixture.Clock.GetUtcNow() - TimeSpan.FromSeconds(1.5) + ClusterFixture.ClaimTimeout, progressed.ClaimExpiresAt);
    }

    [Fact]
    public async Task A_task_serving_an_accepted_proposal_has_the_highest_priority()
    {
        var scenario = await new Scenario(Client).WithMembers("ann");
        var proposal = await scenario.OpenProposal();
        await proposal.Vote("ann", VoteChoice.Yes);
        var proposalId = (await proposal.Get()).Id;
        await proposal.Close("ann");

        var task = await scenario.CreateTask(Client, link: new TaskLinkView(proposalId, null, null));

        Assert.Equal(1.0, (await task.Get()).Priority);
        Assert.Equal(new TaskLinkView(proposalId, null, null), (await task.Get()).Link);
    }

    [Fact]
    public async Task A_task_cannot_serve_a_proposal_still_undecided_or_missing()
    {
        var scenario = await new Scenario(Client).WithMembers("ann");
        var open = (await (await scenario.OpenProposal()).Get()).Id;

        var undecided = await Assert.ThrowsAsync<GovernanceException>(() => scenario.CreateTask(Client, link: new TaskLinkView(open, null, null)));
        var missing = await Assert.ThrowsAsync<GovernanceException>(() => scenario.CreateTask(Client, link: new TaskLinkView("nope", null, null)));

        Assert.Equal((ErrorKind.Conflict, "proposal-not-closed"), (undecided.Kind, undecided.Code));
        Assert.Equal((ErrorKind.NotFound, "proposal-not-found"), (missing.Kind, missing.Code));
        Assert.Empty((await scenario.Board(Client).ListTasks(null, null, 10)).Items);
    }

    [Fact]
    public async Task A_task_serving_a_poll_item_takes_the_polls_priority_for_it()
    {
        var scenario = await new Scenario(Client).WithMembers("ann");
        fixture.Polls.Set(scenario.CooperativeId, "spring", new Dictionary<string, double> { ["roof"] = 0.8 });

        var task = await scenario.CreateTask(Client, link: new TaskLinkView(null, "spring", "roof"));

        Assert.Equal(0.8, (await task.Get()).Priority);
    }

    [Fact]
    public async Task A_task_cannot_serve_an_unknown_poll_or_item()
    {
        var scenario = await new Scenario(Client).WithMembers("ann");
        fixture.Polls.Set(scenario.CooperativeId, "spring", new Dictionary<string, double> { ["roof"] = 0.8 });

        var item = await Assert.ThrowsAsync<GovernanceException>(() => scenario.CreateTask(Client, link: new TaskLinkView(null, "spring", "cellar")));
        var poll = await Assert.ThrowsAsync<GovernanceException>(() => scenario.CreateTask(Client, link: new TaskLinkView(null, "autumn", "roof")));

        Assert.Equal((ErrorKind.NotFound, "poll-item-not-found"), (item.Kind, item.Code));
        Assert.Equal((ErrorKind.NotFound, "poll-not-found"), (poll.Kind, poll.Code));
    }

    [Fact]
    public async Task Nobody_reviews_their_own_work()
    {
        var scenario = await new Scenario(Client).WithMembers("ann", "ben");
        var task = await scenario.CreateTask(Client);
        await task.Claim("ben");
        await task.Complete("ben", null);

        var refused = await Assert.ThrowsAsync<GovernanceException>(() => task.Review("ben", true, null));

        Assert.Equal((ErrorKind.Forbidden, "own-work"), (refused.Kind, refused.Code));
        Assert.Equal(TaskStatus.Completed, (await task.Get()).Status);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("The condition never held.");
    }
}
