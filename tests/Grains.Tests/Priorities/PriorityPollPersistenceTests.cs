using Governance.Contracts.Decisions;
using Governance.Contracts.Errors;
using Governance.Contracts.Priorities;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Priorities;

[Collection(ClusterCollection.Name)]
public sealed class PriorityPollPersistenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_voting_poll_reads_the_same_after_every_grain_reactivates()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat", "dan");
        await scenario.Cooperative.SetDelegation("dan", null, "cat");
        var poll = await scenario.OpenPoll(fixture.Client, topic: "budget");
        await poll.SetDelegation("ben", "ann");
        await poll.Rank("ann", "a|b|c");
        await poll.Rank("cat", "c|b|a");
        var before = await Read(poll);

        await fixture.Cluster.DeactivateAsync(poll);
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);
        await fixture.Cluster.DeactivateAsync(scenario.Index(fixture.Client));

        Assert.Equal(before, await Read(poll));
        Assert.Equal([("ann", 2), ("cat", 2)], (await poll.ListBallots(null, 10)).Items.Select(ballot => (ballot.MemberId, ballot.Weight)));
        var listed = await scenario.Index(fixture.Client).ListPolls(PriorityPollStatus.Voting, null, 10);
        Assert.Equal([(await poll.Get()).Id], listed.Items.Select(summary => summary.Id));
    }

    [Fact]
    public async Task A_closed_polls_result_is_frozen_through_later_delegations_and_reactivation()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat");
        await scenario.Cooperative.SetDelegation("cat", null, "ben");
        var poll = await scenario.OpenPoll(fixture.Client);
        await poll.Rank("ann", "a|b|c");
        await poll.Rank("ben", "b|a|c");
        await poll.Close(scenario.Founder);
        var atClose = await Read(poll);

        await scenario.Cooperative.SetDelegation("cat", null, "ann");
        Assert.Equal(atClose, await Read(poll));
        await fixture.Cluster.DeactivateAsync(poll);
        await fixture.Cluster.DeactivateAsync(scenario.Cooperative);

        Assert.Equal(atClose, await Read(poll));
        Assert.Equal(["b", "a", "c"], (await poll.GetResult()).Ranking!.Select(entry => entry.ItemId));
        Assert.Equal("ben", (await poll.Trace("cat")).CarriedBy);
        Assert.Equal(new Dictionary<string, double> { ["b"] = 1, ["a"] = 2.0 / 3, ["c"] = 1.0 / 3 }, await poll.GetItemPriorities());
    }

    [Fact]
    public async Task A_long_log_is_restored_from_a_snapshot()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        var poll = await scenario.OpenPoll(fixture.Client, PriorityMethod.Dot);
        for (var points = 1; points <= ClusterFixture.SnapshotEvery + 2; points++)
        {
            await poll.CastBallot("ann", new DecisionBallotMarks(null, null, null, [new ItemAmountView("a", points % 10), new ItemAmountView("c", 1)]));
        }

        await poll.SetDelegation("ben", "ann");
        var before = await Read(poll);

        await fixture.Cluster.DeactivateAsync(poll);

        var snapshot = await fixture.Store.ReadSnapshotAsync($"priority-poll/{poll.GetPrimaryKeyString()}");
        Assert.NotNull(snapshot);
        Assert.Equal(before, await Read(poll));
        Assert.Equal(["a", "c", "b"], (await poll.GetResult()).Ranking!.Select(entry => entry.ItemId));
    }

    [Fact]
    public async Task Item_priorities_of_a_poll_that_does_not_exist_are_not_found()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann");

        var missing = await Assert.ThrowsAsync<GovernanceException>(
            () => fixture.Client.GetGrain<IDecisionGrain>(DecisionKey.Poll(scenario.CooperativeId, "nope")).GetItemPriorities());

        Assert.Equal((ErrorKind.NotFound, "poll-not-found"), (missing.Kind, missing.Code));
    }

    [Fact]
    public async Task Item_priorities_follow_the_live_result_while_voting()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben");
        var poll = await scenario.CreatePoll(fixture.Client, PriorityMethod.Approval);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 1 }, await poll.GetItemPriorities());

        await poll.Open(scenario.Founder);
        await poll.CastBallot("ann", new DecisionBallotMarks(null, null, ["c"], null));

        Assert.Equal(new Dictionary<string, double> { ["c"] = 1, ["a"] = 2.0 / 3, ["b"] = 2.0 / 3 }, await poll.GetItemPriorities());
    }

    /// <summary>Everything a reader sees of a poll, as one comparable value.</summary>
    private static async Task<string> Read(IDecisionGrain poll)
    {
        var view = await poll.Get();
        var result = await poll.GetResult();
        var ballots = await poll.ListBallots(null, 100);
        return string.Join(
            '\n',
            view with { Items = [] },
            string.Join(',', view.Items!),
            result with { Ranking = [], Schulze = null },
            string.Join(',', result.Ranking!),
            string.Join(',', result.Schulze?.Preferences.SelectMany(row => row.Value.Select(cell => $"{row.Key}>{cell.Key}:{cell.Value}")) ?? []),
            string.Join(',', result.Schulze?.StrongestPaths.SelectMany(row => row.Value.Select(cell => $"{row.Key}>{cell.Key}:{cell.Value}")) ?? []),
            string.Join(',', ballots.Items.Select(ballot => $"{ballot.MemberId}:{ballot.Weight}:{ballot.CastAt:O}:{string.Join(';', ballot.Marks.Allocations ?? [])}:{string.Join(';', ballot.Marks.Ranking?.Select(rank => string.Join('=', rank)) ?? [])}")));
    }
}
