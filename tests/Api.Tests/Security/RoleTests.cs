namespace Governance.Api.Tests.Security;

/// <summary>
/// Roles within one cooperative: admins promote and demote, a cooperative always keeps an admin, members may leave,
/// and the settings decide whether plain members may create proposals.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoleTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] MemberFields = ["id", "name", "joinedAt", "role"];

    [Fact]
    public async Task An_admin_promotes_a_member_who_then_has_admin_rights_and_demotes_them_again()
    {
        var (cooperative, admin, ann, _) = await NewCooperative();

        var promoted = await Expect.Ok(await Api.As(admin).Put(Routes.Role(cooperative, ann), new { role = "admin" }));

        Expect.Fields(promoted, MemberFields);
        Assert.Equal((ann, "admin"), (promoted.GetProperty("id").GetString(), promoted.GetProperty("role").GetString()));
        Assert.Equal(promoted.GetRawText(), (await Api.GetJson(Routes.Member(cooperative, ann))).GetRawText());
        await Expect.Ok(await Api.As(ann).Put(Routes.Topic(cooperative, "promoted")));

        var demoted = await Expect.Ok(await Api.As(admin).Put(Routes.Role(cooperative, ann), new { role = "member" }));

        Expect.Fields(demoted, MemberFields);
        Assert.Equal((ann, "member"), (demoted.GetProperty("id").GetString(), demoted.GetProperty("role").GetString()));
        Assert.Equal(demoted.GetRawText(), (await Api.GetJson(Routes.Member(cooperative, ann))).GetRawText());
        await Expect.Problem(await Api.As(ann).Put(Routes.Topic(cooperative, "demoted")), HttpStatusCode.Forbidden, "admin-only");
        Assert.Equal(["promoted"], Expect.Strings((await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("topics")));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("member")]
    public async Task Setting_the_role_a_member_already_has_is_a_200_that_changes_nothing(string role)
    {
        var (cooperative, admin, ann, _) = await NewCooperative();
        if (role == "admin")
        {
            await Promote(cooperative, admin, ann);
        }

        var before = await Api.Observe(Routes.Members(cooperative));

        var member = await Expect.Ok(await Api.As(admin).Put(Routes.Role(cooperative, ann), new { role }));

        Assert.Equal(role, member.GetProperty("role").GetString());
        Assert.Equal(before, await Api.Observe(Routes.Members(cooperative)));
    }

    [Fact]
    public async Task The_last_admin_cannot_demote_themselves_409_and_nothing_changes()
    {
        var (cooperative, admin, _, _) = await NewCooperative();
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative));

        await Expect.Problem(await Api.As(admin).Put(Routes.Role(cooperative, admin), new { role = "member" }), HttpStatusCode.Conflict, "last-admin");

        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative)));
        await Expect.Ok(await Api.As(admin).Put(Routes.Topic(cooperative, "still-admin")));
    }

    [Fact]
    public async Task The_last_admin_cannot_leave_409_and_nothing_changes()
    {
        var (cooperative, admin, _, _) = await NewCooperative();
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative));

        await Expect.Problem(await Api.As(admin).Delete(Routes.Member(cooperative, admin)), HttpStatusCode.Conflict, "last-admin");

        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative)));
        Assert.Equal("admin", (await Api.GetJson(Routes.Member(cooperative, admin))).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Once_a_second_admin_is_promoted_the_first_can_be_demoted_and_the_second_is_then_the_last()
    {
        var (cooperative, admin, ann, _) = await NewCooperative();
        await Promote(cooperative, admin, ann);

        var demoted = await Expect.Ok(await Api.As(ann).Put(Routes.Role(cooperative, admin), new { role = "member" }));

        Assert.Equal("member", demoted.GetProperty("role").GetString());
        await Expect.Problem(await Api.As(admin).Put(Routes.Topic(cooperative, "grab")), HttpStatusCode.Forbidden, "admin-only");
        await Expect.Problem(await Api.As(admin).Put(Routes.Role(cooperative, admin), new { role = "admin" }), HttpStatusCode.Forbidden, "admin-only");
        var before = await Api.As(ann).Observe(Routes.Members(cooperative));
        await Expect.Problem(await Api.As(ann).Put(Routes.Role(cooperative, ann), new { role = "member" }), HttpStatusCode.Conflict, "last-admin");
        await Expect.Problem(await Api.As(ann).Delete(Routes.Member(cooperative, ann)), HttpStatusCode.Conflict, "last-admin");
        Assert.Equal(before, await Api.As(ann).Observe(Routes.Members(cooperative)));
    }

    [Fact]
    public async Task An_admin_may_demote_themselves_while_another_admin_remains()
    {
        var (cooperative, admin, ann, ben) = await NewCooperative();
        await Promote(cooperative, admin, ann);

        var demoted = await Expect.Ok(await Api.As(admin).Put(Routes.Role(cooperative, admin), new { role = "member" }));

        Assert.Equal("member", demoted.GetProperty("role").GetString());
        Assert.Equal([(admin, "member"), (ann, "admin"), (ben, "member")], await Roles(cooperative, ann));
    }

    [Fact]
    public async Task An_admin_may_leave_or_remove_another_admin_while_one_remains()
    {
        var (cooperative, admin, ann, ben) = await NewCooperative();
        await Promote(cooperative, admin, ann);
        await Promote(cooperative, admin, ben);

        await Expect.NoContent(await Api.As(ann).Delete(Routes.Member(cooperative, ben)));
        await Expect.NoContent(await Api.As(admin).Delete(Routes.Member(cooperative, admin)));

        Assert.Equal([(ann, "admin")], await Roles(cooperative, ann));
        await Expect.Problem(await Api.As(admin).Get(Routes.Cooperative(cooperative)), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await Api.As(ben).Get(Routes.Cooperative(cooperative)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Fact]
    public async Task When_two_admins_demote_each_other_at_once_exactly_one_admin_remains()
    {
        var (cooperative, admin, ann, _) = await NewCooperative();
        await Promote(cooperative, admin, ann);

        var responses = await Task.WhenAll(
            Api.As(admin).Put(Routes.Role(cooperative, ann), new { role = "member" }),
            Api.As(ann).Put(Routes.Role(cooperative, admin), new { role = "member" }));

        // One demotion wins. The other finds either that its caller is no longer an admin (403) or that it would
        // leave no admin (409), depending on whether access control ran before or after the first applied.
        var winner = Array.FindIndex(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.InRange(winner, 0, 1);
        var loser = responses[1 - winner];
        Assert.Contains(loser.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
        await Expect.Problem(loser, loser.StatusCode, loser.StatusCode == HttpStatusCode.Forbidden ? "admin-only" : "last-admin");
        var survivor = winner == 0 ? admin : ann;
        var members = await Roles(cooperative, survivor);
        Assert.Equal([survivor], members.Where(member => member.Role == "admin").Select(member => member.Id));
    }

    [Fact]
    public async Task A_member_may_leave_and_is_then_an_outsider()
    {
        var (cooperative, admin, ann, ben) = await NewCooperative();

        await Expect.NoContent(await Api.As(ann).Delete(Routes.Member(cooperative, ann)));

        Assert.Equal([(admin, "admin"), (ben, "member")], await Roles(cooperative, admin));
        await Expect.Problem(await Api.As(ann).Get(Routes.Cooperative(cooperative)), HttpStatusCode.NotFound, "cooperative-not-found");
        await Expect.Problem(await Api.As(ann).Delete(Routes.Member(cooperative, ann)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Fact]
    public async Task A_removed_admin_who_rejoins_is_a_plain_member()
    {
        var (cooperative, admin, ann, _) = await NewCooperative();
        await Promote(cooperative, admin, ann);
        await Expect.NoContent(await Api.As(admin).Delete(Routes.Member(cooperative, ann)));

        await Api.AddMembers(cooperative, ann);

        Assert.Equal("member", (await Api.GetJson(Routes.Member(cooperative, ann))).GetProperty("role").GetString());
        await Expect.Problem(await Api.As(ann).Put(Routes.Topic(cooperative, "grab")), HttpStatusCode.Forbidden, "admin-only");
    }

    [Fact]
    public async Task A_plain_member_cannot_remove_another_member_403_and_nothing_changes()
    {
        var (cooperative, admin, ann, ben) = await NewCooperative();
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative));

        await Expect.Problem(await Api.As(ann).Delete(Routes.Member(cooperative, ben)), HttpStatusCode.Forbidden, "admin-only");
        await Expect.Problem(await Api.As(ann).Delete(Routes.Member(cooperative, admin)), HttpStatusCode.Forbidden, "admin-only");

        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative)));
    }

    public static TheoryData<string, string> BadRoles => new()
    {
        { """{"role":"owner"}""", "malformed-request" },
        { """{"role":"superuser"}""", "malformed-request" },
        { """{"role":null}""", "invalid-role" },
        { """{}""", "invalid-role" },
        { """{"role":7}""", "malformed-request" },
    };

    [Theory]
    [MemberData(nameof(BadRoles))]
    public async Task An_unknown_role_is_a_400_and_changes_nothing(string body, string code)
    {
        var (cooperative, admin, ann, _) = await NewCooperative();
        var before = await Api.Observe(Routes.Members(cooperative));

        await Expect.Problem(await Api.As(admin).SendRaw(HttpMethod.Put, Routes.Role(cooperative, ann), body), HttpStatusCode.BadRequest, code, "role");

        Assert.Equal(before, await Api.Observe(Routes.Members(cooperative)));
    }

    [Fact]
    public async Task Setting_the_role_of_someone_who_is_not_a_member_is_a_404()
    {
        var (cooperative, admin, _, _) = await NewCooperative();

        await Expect.Problem(await Api.As(admin).Put(Routes.Role(cooperative, Ids.New("nobody")), new { role = "admin" }), HttpStatusCode.NotFound, "member-not-found");
    }

    [Fact]
    public async Task When_members_may_not_create_proposals_a_member_gets_403_and_an_admin_still_201()
    {
        var (cooperative, admin, ann, _) = await NewCooperative();

        var changed = await Expect.Ok(await Api.As(admin).Put(Routes.Settings(cooperative), new { membersMayCreateProposals = false }));

        Assert.Equal("""{"membersMayCreateProposals":false}""", changed.GetProperty("settings").GetRawText());
        var before = await Api.Observe(Routes.Proposals(cooperative));
        var refused = Ids.New("prop");
        await Expect.Problem(await Api.As(ann).Post(Routes.Proposals(cooperative), new { id = refused, title = "By a member" }), HttpStatusCode.Forbidden, "admin-only");
        Assert.Equal(before, await Api.Observe(Routes.Proposals(cooperative)));
        await Expect.Problem(await Api.Get(Routes.Proposal(cooperative, refused)), HttpStatusCode.NotFound, "proposal-not-found");

        var byAdmin = Ids.New("prop");
        await Expect.Created(await Api.As(admin).Post(Routes.Proposals(cooperative), new { id = byAdmin, title = "By an admin" }), Routes.Proposal(cooperative, byAdmin));
    }

    [Fact]
    public async Task Members_create_proposals_by_default_and_again_once_the_setting_is_turned_back_on()
    {
        var (cooperative, admin, ann, _) = await NewCooperative();
        Assert.Equal("""{"membersMayCreateProposals":true}""", (await Api.GetJson(Routes.Cooperative(cooperative))).GetProperty("settings").GetRawText());
        var first = Ids.New("prop");
        await Expect.Created(await Api.As(ann).Post(Routes.Proposals(cooperative), new { id = first, title = "By a member" }), Routes.Proposal(cooperative, first));
        await Expect.Ok(await Api.As(admin).Put(Routes.Settings(cooperative), new { membersMayCreateProposals = false }));

        await Expect.Ok(await Api.As(admin).Put(Routes.Settings(cooperative), new { membersMayCreateProposals = true }));

        var second = Ids.New("prop");
        await Expect.Created(await Api.As(ann).Post(Routes.Proposals(cooperative), new { id = second, title = "Again" }), Routes.Proposal(cooperative, second));
    }

    [Fact]
    public async Task Settings_without_the_flag_are_a_400_and_change_nothing()
    {
        var (cooperative, admin, _, _) = await NewCooperative();
        var before = await Api.Observe(Routes.Cooperative(cooperative));

        await Expect.Problem(await Api.As(admin).SendRaw(HttpMethod.Put, Routes.Settings(cooperative), "{}"), HttpStatusCode.BadRequest, "invalid-settings", "membersMayCreateProposals");

        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative)));
    }

    /// <summary>A cooperative with an admin founder and two plain members.</summary>
    private async Task<(string Cooperative, string Admin, string Ann, string Ben)> NewCooperative()
    {
        string admin = Ids.New("admin"), ann = Ids.New("ann"), ben = Ids.New("ben");
        return (await Api.CreateCooperative(members: [admin, ann, ben]), admin, ann, ben);
    }

    private async Task Promote(string cooperative, string by, string member) =>
        Assert.Equal("admin", (await Expect.Ok(await Api.As(by).Put(Routes.Role(cooperative, member), new { role = "admin" }))).GetProperty("role").GetString());

    /// <summary>Every current member and their role, in roster order, as read by <paramref name="reader"/>.</summary>
    private async Task<(string Id, string Role)[]> Roles(string cooperative, string reader) =>
        [.. (await Expect.Ok(await Api.As(reader).Get(Routes.Members(cooperative)))).GetProperty("items").EnumerateArray()
            .Select(member => (member.GetProperty("id").GetString()!, member.GetProperty("role").GetString()!))];
}
