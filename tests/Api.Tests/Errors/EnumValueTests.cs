namespace Governance.Api.Tests.Errors;

/// <summary>
/// An enum value, in a body or a query string, is one of its documented names and nothing else: not a number, not a
/// comma-separated list of names (which would otherwise combine into whichever member has the combined value), and
/// not a name with spaces around it. Anything else is a 400 naming the field, and changes nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EnumValueTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string> NotAChoice => new() { "\"yes,no\"", "\"no, yes\"", "\"yes,yes\"", "1", "3", "\" yes\"", "\"1\"" };

    public static TheoryData<string> NotAMethod => new() { "\"schulze,borda\"", "\"borda,approval\"", "1", "\"3\"", "\"dot \"" };

    public static TheoryData<string> NotARole => new() { "\"admin,member\"", "\"member,admin\"", "0", "\"1\"", "\"admin \"" };

    public static TheoryData<string> NotAStatus => new() { "open,claimed", "open, claimed", "1", "0", " open", "open " };

    [Theory]
    [MemberData(nameof(NotAChoice))]
    public async Task A_vote_choice_that_is_not_one_name_is_a_400_and_keeps_the_ballots(string choice)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);
        await Api.Vote(cooperative, proposal, "ann", "yes");
        var before = await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal));

        var body = $$"""{"choice":{{choice}}}""";
        await Expect.Problem(await Api.SendRaw(HttpMethod.Put, Routes.Vote(cooperative, proposal, "ann"), body), HttpStatusCode.BadRequest, "malformed-request", "choice");
        await Expect.Problem(await Api.SendRaw(HttpMethod.Put, Routes.Vote(cooperative, proposal, "ben"), body), HttpStatusCode.BadRequest, "malformed-request", "choice");

        Assert.Equal(before, await Api.Observe(Routes.Votes(cooperative, proposal), Routes.Tally(cooperative, proposal)));
    }

    [Theory]
    [MemberData(nameof(NotAMethod))]
    public async Task A_poll_method_that_is_not_one_name_is_a_400_and_creates_nothing(string method)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var body = $$"""{"title":"T","method":{{method}},"items":[{"id":"a","title":"A"}]}""";
        await Expect.Problem(await Api.SendRaw(HttpMethod.Post, PriorityRoutes.Polls(cooperative), body), HttpStatusCode.BadRequest, "malformed-request", "method");

        Assert.Empty((await Api.GetJson(PriorityRoutes.Polls(cooperative))).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(NotARole))]
    public async Task A_role_that_is_not_one_name_is_a_400_and_changes_nothing(string role)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var before = await Api.Observe(Routes.Members(cooperative));

        await Expect.Problem(
            await Api.SendRaw(HttpMethod.Put, Routes.Role(cooperative, "ben"), $$"""{"role":{{role}}}"""), HttpStatusCode.BadRequest, "malformed-request", "role");

        Assert.Equal(before, await Api.Observe(Routes.Members(cooperative)));
    }

    [Theory]
    [MemberData(nameof(NotAStatus))]
    public async Task A_task_status_filter_that_is_not_one_name_is_a_400(string status)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var response = await Api.Get(Routes.WithQuery(TaskRoutes.Tasks(cooperative), ("status", status)));

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-status", "status");
    }

    [Theory]
    [InlineData("discussion,voting")]
    [InlineData("voting,closed")]
    [InlineData("2")]
    [InlineData(" voting")]
    public async Task A_proposal_status_filter_that_is_not_one_name_is_a_400(string status)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var response = await Api.Get(Routes.WithQuery(Routes.Proposals(cooperative), ("status", status)));

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-status", "status");
    }

    [Theory]
    [InlineData("discussion,voting")]
    [InlineData("voting,closed")]
    [InlineData("2")]
    [InlineData("closed ")]
    public async Task A_poll_status_filter_that_is_not_one_name_is_a_400(string status)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var response = await Api.Get(Routes.WithQuery(PriorityRoutes.Polls(cooperative), ("status", status)));

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-status", "status");
    }

    [Fact]
    public async Task A_status_filter_given_twice_is_a_400()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        var response = await Api.Get($"{TaskRoutes.Tasks(cooperative)}?status=open&status=claimed");

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-status", "status");
    }

    [Fact]
    public async Task Every_documented_name_is_accepted()
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"]);
        var proposal = await Api.OpenProposal(cooperative);

        foreach (var choice in new[] { "yes", "no", "abstain" })
        {
            Assert.Equal(choice, (await Api.Vote(cooperative, proposal, "ann", choice)).GetProperty("choice").GetString());
        }

        foreach (var role in new[] { "admin", "member" })
        {
            var member = await Expect.Ok(await Api.Put(Routes.Role(cooperative, "ben"), new { role }));
            Assert.Equal(role, member.GetProperty("role").GetString());
        }

        foreach (var method in new[] { "schulze", "borda", "approval", "score", "quadratic", "dot" })
        {
            var poll = await Expect.Status(
                await Api.Post(PriorityRoutes.Polls(cooperative), new { title = "T", method, items = PrioritySetup.Items("a") }), HttpStatusCode.Created);
            Assert.Equal(method, poll.GetProperty("method").GetString());
        }

        foreach (var status in new[] { "open", "claimed", "completed", "reviewed" })
        {
            await Expect.Ok(await Api.Get(Routes.WithQuery(TaskRoutes.Tasks(cooperative), ("status", status))));
        }
    }

    [Theory]
    [InlineData("VoteChoice", new[] { "yes", "no", "abstain" })]
    [InlineData("MemberRole", new[] { "member", "admin" })]
    [InlineData("PriorityMethod", new[] { "schulze", "borda", "approval", "score", "quadratic", "dot" })]
    public async Task The_OpenAPI_document_describes_each_enum_by_its_names(string schema, string[] names)
    {
        var document = await Api.GetJson("/swagger/v1/swagger.json");

        var described = document.GetProperty("components").GetProperty("schemas").GetProperty(schema);
        Assert.Equal("string", described.GetProperty("type").GetString());
        Assert.Equal(names, Expect.Strings(described.GetProperty("enum")));
    }
}
