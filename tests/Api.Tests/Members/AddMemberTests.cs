namespace Governance.Api.Tests.Members;

[Collection(ApiCollection.Name)]
public sealed class AddMemberTests(ApiFactory factory) : ApiTest(factory)
{
    public static readonly string[] MemberFields = ["id", "name", "joinedAt", "role"];

    [Fact]
    public async Task Add_returns_201_with_location_and_the_member()
    {
        var cooperative = await Api.CreateCooperative();
        var before = DateTimeOffset.UtcNow;

        var response = await Api.Post(Routes.Members(cooperative), new { id = "ann", name = "Ann Lee" });

        var member = await Expect.Created(response, $"/v1/cooperatives/{cooperative}/members/ann");
        Expect.Fields(member, MemberFields);
        Assert.Equal("ann", member.GetProperty("id").GetString());
        Assert.Equal("Ann Lee", member.GetProperty("name").GetString());
        Assert.Equal("member", member.GetProperty("role").GetString());
        Assert.InRange(Expect.Instant(member, "joinedAt"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(member.GetRawText(), (await Api.GetJson(response.Headers.Location!.OriginalString)).GetRawText());
        Assert.Equal(2, (await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task The_name_is_optional()
    {
        var cooperative = await Api.CreateCooperative();

        var member = await Expect.Created(await Api.Post(Routes.Members(cooperative), new { id = "ann" }), Routes.Member(cooperative, "ann"));

        Expect.Fields(member, MemberFields);
        Assert.Equal(JsonValueKind.Null, member.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task A_duplicate_member_id_is_a_409_and_keeps_the_first_member()
    {
        var cooperative = await Api.CreateCooperative();
        await Expect.Created(await Api.Post(Routes.Members(cooperative), new { id = "ann", name = "Ann" }), Routes.Member(cooperative, "ann"));
        var before = await Api.Observe(Routes.Member(cooperative, "ann"), Routes.Cooperative(cooperative), Routes.Members(cooperative));

        var response = await Api.Post(Routes.Members(cooperative), new { id = "ann", name = "Someone else" });

        await Expect.Problem(response, HttpStatusCode.Conflict, "member-exists");
        Assert.Equal(before, await Api.Observe(Routes.Member(cooperative, "ann"), Routes.Cooperative(cooperative), Routes.Members(cooperative)));
    }

    [Fact]
    public async Task The_same_person_can_join_two_cooperatives()
    {
        var first = await Api.CreateCooperative(members: ["ann"]);
        var second = await Api.CreateCooperative(members: ["ann"]);

        Assert.Equal("ann", (await Api.GetJson(Routes.Member(first, "ann"))).GetProperty("id").GetString());
        Assert.Equal("ann", (await Api.GetJson(Routes.Member(second, "ann"))).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Joining_an_unknown_cooperative_is_a_404()
    {
        var response = await Api.Post(Routes.Members(Ids.New("nowhere")), new { id = "ann" });

        await Expect.Problem(response, HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Fact]
    public async Task An_unknown_member_is_a_404()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Get(Routes.Member(cooperative, "ben")), HttpStatusCode.NotFound, "member-not-found");
    }
}
