namespace Governance.Api.Tests.Tasks;

/// <summary>Availability (the person's skills and weekly hours) and contributions (recognition per cooperative).</summary>
[Collection(ApiCollection.Name)]
public sealed class VolunteerTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] AnnsSkills = ["welding", "baking"];

    private readonly string _ann = Ids.New("ann");
    private readonly string _ben = Ids.New("ben");

    [Fact]
    public async Task A_member_sets_their_availability_and_every_member_reads_it_in_each_of_their_cooperatives()
    {
        var first = await Api.CreateCooperative(members: [_ann, _ben]);
        var second = await Api.CreateCooperative(members: [_ann]);

        var set = await Expect.Ok(await Api.As(_ann).Put(TaskRoutes.Availability(first, _ann), new { skills = AnnsSkills, weeklyCapacityHours = 8 }));

        Expect.Fields(set, "memberId", "skills", "weeklyCapacityHours");
        Assert.Equal((_ann, 8), (set.GetProperty("memberId").GetString(), set.GetProperty("weeklyCapacityHours").GetInt32()));
        Assert.Equal(["baking", "welding"], Expect.Strings(set.GetProperty("skills")));
        Assert.Equal(set.GetRawText(), (await Api.As(_ben).GetJson(TaskRoutes.Availability(first, _ann))).GetRawText());
        Assert.Equal(set.GetRawText(), (await Api.As(_ann).GetJson(TaskRoutes.Availability(second, _ann))).GetRawText());
    }

    [Theory]
    [InlineData("""{"skills":["welding"],"weeklyCapacityHours":169}""", "invalid-capacity", "weeklyCapacityHours")]
    [InlineData("""{"skills":["welding"]}""", "invalid-capacity", "weeklyCapacityHours")]
    [InlineData("""{"skills":["no spaces"],"weeklyCapacityHours":5}""", "invalid-skills", "skills")]
    [InlineData("""{"weeklyCapacityHours":5,"level":"expert"}""", "malformed-request", "level")]
    public async Task Invalid_availability_is_a_400_and_changes_nothing(string body, string code, string field)
    {
        var cooperative = await Api.CreateCooperative(members: [_ann]);
        await Api.Offer(cooperative, _ann, 3, "baking");
        var before = await Api.Observe(TaskRoutes.Availability(cooperative, _ann));

        await Expect.Problem(await Api.As(_ann).SendRaw(HttpMethod.Put, TaskRoutes.Availability(cooperative, _ann), body), HttpStatusCode.BadRequest, code, field);

        Assert.Equal(before, await Api.Observe(TaskRoutes.Availability(cooperative, _ann)));
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_has_no_availability_or_contributions_here()
    {
        var cooperative = await Api.CreateCooperative(members: [_ann]);

        await Expect.Problem(await Api.As(_ann).Get(TaskRoutes.Availability(cooperative, _ben)), HttpStatusCode.NotFound, "member-not-found");
        await Expect.Problem(await Api.As(_ann).Get(TaskRoutes.Contributions(cooperative, _ben)), HttpStatusCode.NotFound, "member-not-found");
    }

    [Fact]
    public async Task Reviewed_work_counts_for_the_doer_and_every_review_for_the_reviewer()
    {
        var cooperative = await Api.CreateCooperative(members: [_ann, _ben]);
        var task = await Api.CreateTask(cooperative, _ann, effortHours: 6);
        await Api.Act(_ben, TaskRoutes.Claim(cooperative, task));
        await Api.Act(_ben, TaskRoutes.Complete(cooperative, task));
        await Api.Act(_ann, TaskRoutes.Review(cooperative, task), new { approved = false });
        var beforeApproval = await Api.GetJson(TaskRoutes.Contributions(cooperative, _ben));
        await Api.Act(_ben, TaskRoutes.Complete(cooperative, task));
        await Api.Act(_ann, TaskRoutes.Review(cooperative, task), new { approved = true });

        var doer = await Api.GetJson(TaskRoutes.Contributions(cooperative, _ben));
        var reviewer = await Api.GetJson(TaskRoutes.Contributions(cooperative, _ann));

        Expect.Fields(doer, "memberId", "tasksDone", "effortHoursDone", "reviewsGiven");
        Assert.Equal(0, beforeApproval.GetProperty("tasksDone").GetInt32());
        Assert.Equal((1, 6, 0), Counts(doer));
        Assert.Equal((0, 0, 2), Counts(reviewer));
    }

    private static (int, int, int) Counts(JsonElement contribution) =>
        (contribution.GetProperty("tasksDone").GetInt32(), contribution.GetProperty("effortHoursDone").GetInt32(), contribution.GetProperty("reviewsGiven").GetInt32());
}
