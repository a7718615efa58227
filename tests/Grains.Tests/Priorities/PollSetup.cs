using Governance.Contracts.Decisions;
using Governance.Contracts.Priorities;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Priorities;

/// <summary>Priority polls in a <see cref="Scenario"/>'s cooperative, created through its index as the API does.</summary>
internal static class PollSetup
{
    public static readonly PriorityItemView[] Items = [new("a", "Item A"), new("b", "Item B"), new("c", "Item C")];

    public static IPriorityIndexGrain Index(this Scenario scenario, IClusterClient client) =>
        client.GetGrain<IPriorityIndexGrain>(scenario.CooperativeId);

    public static async Task<IDecisionGrain> CreatePoll(
        this Scenario scenario,
        IClusterClient client,
        PriorityMethod method = PriorityMethod.Schulze,
        string? topic = null,
        DateTimeOffset? closesAt = null)
    {
        var id = $"poll-{Guid.NewGuid():N}";
        await scenario.Index(client).CreatePoll(new CreateDecisionCommand(id, "A poll", null, topic, method.ToDecisionMethod(), closesAt, scenario.Founder, Items));
        return client.GetGrain<IDecisionGrain>(DecisionKey.Poll(scenario.CooperativeId, id));
    }

    public static async Task<IDecisionGrain> OpenPoll(
        this Scenario scenario,
        IClusterClient client,
        PriorityMethod method = PriorityMethod.Schulze,
        string? topic = null,
        DateTimeOffset? closesAt = null)
    {
        var poll = await scenario.CreatePoll(client, method, topic, closesAt);
        await poll.Open(scenario.Founder);
        return poll;
    }

    /// <summary>"a|bc" ranks a over b and c, which are tied.</summary>
    public static Task<DecisionBallotView> Rank(this IDecisionGrain poll, string memberId, string ranks) =>
        poll.CastBallot(memberId, new DecisionBallotMarks(null, [.. ranks.Split('|').Select(rank => (IReadOnlyList<string>)[.. rank.Select(item => item.ToString())])], null, null));

    public static async Task<DecisionView> WaitForClose(this IDecisionGrain poll)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var view = await poll.Get();
            if (view.Status == DecisionStatus.Closed)
            {
                return view;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The poll never closed at its deadline.");
    }
}
