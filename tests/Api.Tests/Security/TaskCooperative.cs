namespace Governance.Api.Tests.Security;

/// <summary>
/// A fresh <see cref="MatrixCooperative"/> for one task authorization test. The plain member offers carpentry; of its
/// tasks one is open, one claimed by the plain member, one completed by them, and one needs carpentry and so is
/// suggested to them. Every person is new, since skills and hours follow a person into all their cooperatives.
/// </summary>
public sealed record TaskCooperative(
    string Id,
    string Admin,
    string Plain,
    string Other,
    string Outsider,
    string OutsiderCooperative,
    string Key,
    string Open,
    string Claimed,
    string Completed,
    string Suggested) : IMatrixCooperative
{
    public static async Task<TaskCooperative> Create(GovernanceClient api)
    {
        var founded = await MatrixCooperative.Create(api);
        string id = founded.Id, admin = founded.Admin, plain = founded.Plain;
        await Tasks.TaskSteps.Offer(api, id, plain, 10, "carpentry");

        var open = await Tasks.TaskSteps.CreateTask(api, id, admin, ["masonry"], 1);
        var claimed = await Tasks.TaskSteps.CreateTask(api, id, admin, effortHours: 1);
        await Tasks.TaskSteps.Act(api, plain, TaskRoutes.Claim(id, claimed));
        var completed = await Tasks.TaskSteps.CreateTask(api, id, admin, effortHours: 1);
        await Tasks.TaskSteps.Act(api, plain, TaskRoutes.Claim(id, completed));
        await Tasks.TaskSteps.Act(api, plain, TaskRoutes.Complete(id, completed));
        var suggested = await Tasks.TaskSteps.CreateTask(api, id, admin, ["carpentry"], 2);
        return new TaskCooperative(id, admin, plain, founded.Other, founded.Outsider, founded.OutsiderCooperative, founded.Key, open, claimed, completed, suggested);
    }
}
