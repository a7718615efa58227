namespace Governance.Api.Tests.Security;

/// <summary>
/// A fresh cooperative for one task authorization test: an admin founder, a plain member and another member, an app
/// key, and an outsider who founded a second cooperative. The plain member offers carpentry; of its tasks one is
/// open, one claimed by the plain member, one completed by them, and one needs carpentry and so is suggested to them.
/// Every person is new, since skills and hours follow a person into all their cooperatives.
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
    string Suggested)
{
    private static readonly string[] ReadScope = ["read"];

    public static async Task<TaskCooperative> Create(GovernanceClient api)
    {
        string admin = Ids.New("admin"), plain = Ids.New("plain"), other = Ids.New("other"), outsider = Ids.New("outsider");
        var id = await api.CreateCooperative(members: [admin, plain, other]);
        var outsiderCooperative = await api.CreateCooperative(members: [outsider]);
        var issued = await Expect.Status(
            await api.As(admin).Post(Routes.Keys(id), new { name = "Dashboard", scopes = ReadScope }),
            HttpStatusCode.Created);
        await Tasks.TaskSteps.Offer(api, id, plain, 10, "carpentry");

        var open = await Tasks.TaskSteps.CreateTask(api, id, admin, ["masonry"], 1);
        var claimed = await Tasks.TaskSteps.CreateTask(api, id, admin, effortHours: 1);
        await Tasks.TaskSteps.Act(api, plain, TaskRoutes.Claim(id, claimed));
        var completed = await Tasks.TaskSteps.CreateTask(api, id, admin, effortHours: 1);
        await Tasks.TaskSteps.Act(api, plain, TaskRoutes.Claim(id, completed));
        await Tasks.TaskSteps.Act(api, plain, TaskRoutes.Complete(id, completed));
        var suggested = await Tasks.TaskSteps.CreateTask(api, id, admin, ["carpentry"], 2);
        return new TaskCooperative(id, admin, plain, other, outsider, outsiderCooperative, issued.GetProperty("key").GetString()!, open, claimed, completed, suggested);
    }
}
