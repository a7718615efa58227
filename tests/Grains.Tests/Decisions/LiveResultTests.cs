using Governance.Contracts.Decisions;
using Governance.Contracts.Proposals;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Decisions;

/// <summary>
/// Watching a decision's result from the cluster's client, as an API process does: the current result, each change
/// of the decision or of the cooperative's delegations, and the final result, after which the watch ends.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveResultTests(ClusterFixture fixture)
{
    private const int Watchers = 50;

    [Fact]
    public async Task Every_watcher_sees_the_same_results_from_first_to_final_and_then_the_end()
    {
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat");
        var proposal = await scenario.OpenProposal();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watches = Enumerable.Range(0, Watchers).Select(_ => proposal.WatchResult(timeout.Token).GetAsyncEnumerator(timeout.Token)).ToArray();

        var first = await NextEverywhere(watches);
        await proposal.Vote("ann", VoteChoice.Yes);
        var voted = await NextEverywhere(watches);
        await scenario.Cooperative.SetDelegation("ben", null, "ann");
        var delegated = await NextEverywhere(watches);
        await proposal.Close(scenario.Founder);
        var final = await NextEverywhere(watches);

        Assert.Equal([0, 1, 2, 2], new[] { first, voted, delegated, final }.Select(result => result.Result.Counts!.Yes));
        Assert.Equal(first.DecisionVersion + 1, voted.DecisionVersion);
        Assert.Equal(voted.DecisionVersion, delegated.DecisionVersion);
        Assert.True(delegated.DelegationsVersion > voted.DelegationsVersion);
        Assert.Equal([false, false, false, true], new[] { first, voted, delegated, final }.Select(result => result.Final));
        Assert.Equal(DecisionStatus.Closed, final.Result.Status);
        foreach (var watch in watches)
        {
            Assert.False(await watch.MoveNextAsync());
            await watch.DisposeAsync();
        }
    }

    /// <summary>
    /// The next result of every watch, which must be one and the same result. The cluster's clock is the test's, so
    /// it is moved on by the decision's interval for its timer to look for the change.
    /// </summary>
    private async Task<LiveResult> NextEverywhere(IAsyncEnumerator<LiveResult>[] watches)
    {
        var next = Task.WhenAll(watches.Select(watch => watch.MoveNextAsync().AsTask()));
        while (await Task.WhenAny(next, Task.Delay(50)) != next)
        {
            fixture.Clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        Assert.All(await next, Assert.True);
        Assert.Single(watches.Select(watch => watch.Current.Version).Distinct());
        return watches[0].Current;
    }
}
