using System.Net.Http.Headers;
using Governance.Api.Tests.Security;

namespace Governance.Api.Tests.Errors;

/// <summary>
/// Ids a path cannot carry are refused wherever a client chooses one. Servers and clients remove the path segments
/// "." and "..", so an id of only dots could be created but never read, voted as or removed; and routing matches
/// the literal "suggestions" ignoring case, so no task may have that id in any letter case.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UnaddressableIdTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string> OnlyDots => new() { ".", "..", "..." };

    [Theory]
    [MemberData(nameof(OnlyDots))]
    public async Task A_cooperative_id_of_only_dots_is_a_400_and_creates_nothing(string id)
    {
        var response = await Api.Post(Routes.Cooperatives, new { id, name = "Dots" });

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-id", "id");
    }

    [Theory]
    [MemberData(nameof(OnlyDots))]
    public async Task A_member_id_of_only_dots_is_a_400_and_adds_nobody(string id)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative));

        await Expect.Problem(await Api.Post(Routes.Members(cooperative), new { id }), HttpStatusCode.BadRequest, "invalid-id", "id");

        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative)));
    }

    [Theory]
    [MemberData(nameof(OnlyDots))]
    public async Task A_topic_of_only_dots_is_a_400_and_creates_no_cooperative(string topic)
    {
        var id = Ids.New("coop");

        await Expect.Problem(await Api.Post(Routes.Cooperatives, new { id, name = "Coop", topics = new[] { topic } }), HttpStatusCode.BadRequest, "invalid-id", "topics");

        await Expect.Problem(await Api.Get(Routes.Cooperative(id)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Theory]
    [MemberData(nameof(OnlyDots))]
    public async Task A_proposal_id_of_only_dots_is_a_400_and_creates_nothing(string id)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Post(Routes.Proposals(cooperative), new { id, title = "T" }), HttpStatusCode.BadRequest, "invalid-id", "id");

        Assert.Empty((await Api.GetJson(Routes.Proposals(cooperative))).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(OnlyDots))]
    public async Task A_poll_id_of_only_dots_is_a_400_and_creates_nothing(string id)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var poll = new { id, title = "T", method = "schulze", items = PrioritySetup.Items("a") };

        await Expect.Problem(await Api.Post(PriorityRoutes.Polls(cooperative), poll), HttpStatusCode.BadRequest, "invalid-id", "id");

        Assert.Empty((await Api.GetJson(PriorityRoutes.Polls(cooperative))).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(OnlyDots))]
    public async Task A_poll_item_id_of_only_dots_is_a_400_and_creates_nothing(string itemId)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var poll = new { title = "T", method = "schulze", items = PrioritySetup.Items("a", itemId) };

        await Expect.Problem(await Api.Post(PriorityRoutes.Polls(cooperative), poll), HttpStatusCode.BadRequest, "invalid-item-id", "items");

        Assert.Empty((await Api.GetJson(PriorityRoutes.Polls(cooperative))).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("Suggestions")]
    [InlineData("SUGGESTIONS")]
    public async Task A_task_id_a_path_cannot_carry_is_a_400_and_creates_nothing(string id)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);

        await Expect.Problem(await Api.Post(TaskRoutes.Tasks(cooperative), new { id, title = "Sweep", effortHours = 1 }), HttpStatusCode.BadRequest, "invalid-id", "id");

        Assert.Empty((await Api.GetJson(TaskRoutes.Tasks(cooperative))).GetProperty("items").EnumerateArray());
    }

    /// <summary>
    /// Paths as a server may still see them: the test server takes them as they are (HttpClient would remove the dot
    /// segments before sending), and the id they carry.
    /// </summary>
    [Theory]
    [InlineData("PUT", "/v1/cooperatives/{c}/topics/..", "topic")]
    [InlineData("GET", "/v1/cooperatives/{c}/members/..", "memberId")]
    [InlineData("DELETE", "/v1/cooperatives/{c}/members/.", "memberId")]
    [InlineData("GET", "/v1/cooperatives/{c}/proposals/...", "proposalId")]
    [InlineData("GET", "/v1/cooperatives/{c}/priorities/..", "pollId")]
    [InlineData("GET", "/v1/cooperatives/{c}/tasks/..", "taskId")]
    public async Task An_id_of_only_dots_in_the_path_is_a_400(string method, string template, string field)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative));

        var response = await SendAsIs(method, template.Replace("{c}", cooperative), "ann");

        await Expect.Problem(response, HttpStatusCode.BadRequest, "invalid-id", field);
        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative)));
    }

    [Theory]
    [MemberData(nameof(OnlyDots))]
    public async Task A_token_whose_subject_is_only_dots_is_a_401(string subject)
    {
        var response = await Api.WithCredentials(Credentials.Token(TestTokens.Signed(subject))).Post(Routes.Cooperatives, new { name = "Dots" });

        await Expect.Problem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    private async Task<HttpResponseMessage> SendAsIs(string method, string path, string memberId)
    {
        var context = await Factory.Server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Path = path;
            http.Request.Headers.Authorization = $"Bearer {Tokens.For(memberId)}";
        });
        using var body = new StreamReader(context.Response.Body);
        var response = new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode) { Content = new StringContent(await body.ReadToEndAsync()) };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Response.ContentType!);
        return response;
    }
}
