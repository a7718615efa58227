using Governance.Contracts.Members;
using Governance.Contracts.Tasks;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Tasks;

/// <summary>Tasks on a <see cref="Scenario"/>'s cooperative, with fresh ids.</summary>
public static class TaskScenario
{
    public static ITaskBoardGrain Board(this Scenario scenario, IClusterClient client) =>
        client.GetGrain<ITaskBoardGrain>(scenario.CooperativeId);

    public static ITaskGrain Task(this Scenario scenario, IClusterClient client, string taskId) =>
        client.GetGrain<ITaskGrain>(TaskKey.Of(scenario.CooperativeId, taskId));

    public static async Task<ITaskGrain> CreateTask(
        this Scenario scenario,
        IClusterClient client,
        string[]? skills = null,
        int effortHours = 4,
        TaskLinkView? link = null)
    {
        var id = $"t-{Guid.NewGuid():N}";
        await scenario.Board(client).CreateTask(new CreateTaskCommand(id, "A task", null, skills, effortHours, null, link, scenario.Founder));
        return scenario.Task(client, id);
    }

    public static Task<AvailabilityView> Offer(this IClusterClient client, string memberId, int hours, params string[] skills) =>
        client.GetGrain<IMemberGrain>(memberId).SetAvailability(skills, hours);
}
