namespace Governance.Api.Tests.Tasks;

/// <summary>Claims lapse after Tasks:ClaimTimeout (7 days by default) without progress; these tests move the clock past it.</summary>
[Collection(ClockCollection.Name)]
public sealed class ClaimExpiryTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_claim_without_progress_for_the_timeout_lapses_and_another_member_may_claim()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ben", TaskRoutes.Claim(cooperative, task));

        Factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        await Expect.Problem(await Api.As("ben").Post(TaskRoutes.Progress(cooperative, task)), HttpStatusCode.Conflict, "task-not-claimed");
        Assert.Equal("ann", (await Api.Act("ann", TaskRoutes.Claim(cooperative, task))).GetProperty("claimedBy").GetString());
        var events = (await Api.GetJson(TaskRoutes.Events(cooperative, task))).GetProperty("items");
        Assert.Equal(["created", "claimed", "claim-expired", "claimed"], Expect.IdsOf(events, "type"));
        Assert.Equal(JsonValueKind.Null, events[2].GetProperty("by").ValueKind);
    }

    [Fact]
    public async Task Progress_keeps_the_claim()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var task = await Api.CreateTask(cooperative, "ann");
        await Api.Act("ben", TaskRoutes.Claim(cooperative, task));

        Factory.Clock.Advance(TimeSpan.FromDays(6));
        await Api.Act("ben", TaskRoutes.Progress(cooperative, task));
        Factory.Clock.Advance(TimeSpan.FromDays(6));

        await Expect.Problem(await Api.As("ann").Post(TaskRoutes.Claim(cooperative, task)), HttpStatusCode.Conflict, "task-claimed");
        Assert.Equal("claimed", await Api.Status(cooperative, task));
    }
}
