namespace Governance.Api.Tests.Errors;

/// <summary>
/// Every route answers an unknown cooperative, proposal or member with a 404 problem. Access control answers first:
/// nobody is a member of a cooperative that does not exist, and nobody can act as a member who does not exist, so
/// those requests get the same 404 as a cooperative the caller is not a member of.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NotFoundTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Method, path with {c}, {p} and {m} placeholders, body, and the expected code when the cooperative is unknown.</summary>
    public static TheoryData<string, string, string?, string> CooperativeRoutes => new()
    {
        { "GET", "/v1/cooperatives/{c}", null, "cooperative-not-found" },
        { "PUT", "/v1/cooperatives/{c}/topics/budget", null, "cooperative-not-found" },
        { "PUT", "/v1/cooperatives/{c}/settings", """{"membersMayCreateProposals":false}""", "cooperative-not-found" },
        { "POST", "/v1/cooperatives/{c}/members", """{"id":"ann"}""", "cooperative-not-found" },
        { "GET", "/v1/cooperatives/{c}/members", null, "cooperative-not-found" },
        { "GET", "/v1/cooperatives/{c}/members/{m}", null, "cooperative-not-found" },
        { "DELETE", "/v1/cooperatives/{c}/members/{m}", null, "cooperative-not-found" },
        { "GET", "/v1/cooperatives/{c}/members/{m}/delegations", null, "cooperative-not-found" },
        { "PUT", "/v1/cooperatives/{c}/members/{m}/delegations/default", """{"delegateId":null}""", "cooperative-not-found" },
        { "DELETE", "/v1/cooperatives/{c}/members/{m}/delegations/default", null, "cooperative-not-found" },
        { "PUT", "/v1/cooperatives/{c}/members/{m}/delegations/topics/budget", """{"delegateId":null}""", "cooperative-not-found" },
        { "DELETE", "/v1/cooperatives/{c}/members/{m}/delegations/topics/budget", null, "cooperative-not-found" },
        { "POST", "/v1/cooperatives/{c}/proposals", """{"title":"T"}""", "cooperative-not-found" },
        { "GET", "/v1/cooperatives/{c}/proposals", null, "cooperative-not-found" },
        { "POST", "/v1/cooperatives/{c}/keys", """{"name":"app","scopes":["read"]}""", "cooperative-not-found" },
        { "GET", "/v1/cooperatives/{c}/keys", null, "cooperative-not-found" },
        { "DELETE", "/v1/cooperatives/{c}/keys/k1", null, "cooperative-not-found" },
    };

    /// <summary>Routes under a proposal.</summary>
    public static TheoryData<string, string, string?> ProposalRoutes => new()
    {
        { "GET", "/v1/cooperatives/{c}/proposals/{p}", null },
        { "POST", "/v1/cooperatives/{c}/proposals/{p}/open", null },
        { "POST", "/v1/cooperatives/{c}/proposals/{p}/close", null },
        { "PUT", "/v1/cooperatives/{c}/proposals/{p}/delegations/{m}", """{"delegateId":null}""" },
        { "DELETE", "/v1/cooperatives/{c}/proposals/{p}/delegations/{m}", null },
        { "PUT", "/v1/cooperatives/{c}/proposals/{p}/votes/{m}", """{"choice":"yes"}""" },
        { "DELETE", "/v1/cooperatives/{c}/proposals/{p}/votes/{m}", null },
        { "GET", "/v1/cooperatives/{c}/proposals/{p}/votes", null },
        { "GET", "/v1/cooperatives/{c}/proposals/{p}/votes/{m}/trace", null },
        { "GET", "/v1/cooperatives/{c}/proposals/{p}/tally", null },
        { "GET", "/v1/cooperatives/{c}/proposals/{p}/audit", null },
    };

    /// <summary>
    /// Routes about one member, where the member is unknown in a cooperative that exists. Reads and removals go as an
    /// admin, who learns the member is not found; acting as the unknown member is acting as a non-member.
    /// </summary>
    public static TheoryData<string, string, string?, string> MemberRoutes => new()
    {
        { "GET", "/v1/cooperatives/{c}/members/{m}", null, "member-not-found" },
        { "DELETE", "/v1/cooperatives/{c}/members/{m}", null, "member-not-found" },
        { "PUT", "/v1/cooperatives/{c}/members/{m}/role", """{"role":"admin"}""", "member-not-found" },
        { "GET", "/v1/cooperatives/{c}/members/{m}/delegations", null, "member-not-found" },
        { "PUT", "/v1/cooperatives/{c}/members/{m}/delegations/default", """{"delegateId":"ann"}""", "cooperative-not-found" },
        { "DELETE", "/v1/cooperatives/{c}/members/{m}/delegations/default", null, "cooperative-not-found" },
        { "PUT", "/v1/cooperatives/{c}/members/{m}/delegations/topics/budget", """{"delegateId":"ann"}""", "cooperative-not-found" },
        { "DELETE", "/v1/cooperatives/{c}/members/{m}/delegations/topics/budget", null, "cooperative-not-found" },
        { "PUT", "/v1/cooperatives/{c}/proposals/{p}/delegations/{m}", """{"delegateId":"ann"}""", "cooperative-not-found" },
        { "DELETE", "/v1/cooperatives/{c}/proposals/{p}/delegations/{m}", null, "cooperative-not-found" },
        { "GET", "/v1/cooperatives/{c}/proposals/{p}/votes/{m}/trace", null, "member-not-found" },
    };

    [Theory]
    [MemberData(nameof(CooperativeRoutes))]
    public async Task An_unknown_cooperative_is_a_404(string method, string template, string? body, string code)
    {
        var cooperative = Ids.New("nowhere");

        var response = await Send(method, Fill(template, cooperative, "p1", "ann"), body);

        await Expect.Problem(response, HttpStatusCode.NotFound, code);
        await Expect.Problem(await Api.Get(Routes.Cooperative(cooperative)), HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Theory]
    [MemberData(nameof(ProposalRoutes))]
    public async Task A_proposal_of_an_unknown_cooperative_is_a_404(string method, string template, string? body)
    {
        var response = await Send(method, Fill(template, Ids.New("nowhere"), "p1", "ann"), body);

        await Expect.Problem(response, HttpStatusCode.NotFound, "cooperative-not-found");
    }

    [Theory]
    [MemberData(nameof(ProposalRoutes))]
    public async Task An_unknown_proposal_is_a_404_and_changes_nothing(string method, string template, string? body)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"], topics: ["budget"]);
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Proposals(cooperative), Routes.Proposal(cooperative, "nope"));

        var response = await Send(method, Fill(template, cooperative, "nope", "ann"), body);

        await Expect.Problem(response, HttpStatusCode.NotFound, "proposal-not-found");
        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Proposals(cooperative), Routes.Proposal(cooperative, "nope")));
    }

    [Theory]
    [MemberData(nameof(MemberRoutes))]
    public async Task An_unknown_member_is_a_404_and_changes_nothing(string method, string template, string? body, string code)
    {
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben"], topics: ["budget"]);
        var proposal = await Api.OpenProposal(cooperative, topic: "budget");
        var before = await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative), Routes.Tally(cooperative, proposal));

        var response = await Send(method, Fill(template, cooperative, proposal, "nobody"), body);

        await Expect.Problem(response, HttpStatusCode.NotFound, code);
        Assert.Equal(before, await Api.Observe(Routes.Cooperative(cooperative), Routes.Members(cooperative), Routes.Tally(cooperative, proposal)));
    }

    private static string Fill(string template, string cooperative, string proposal, string member) =>
        template.Replace("{c}", cooperative).Replace("{p}", proposal).Replace("{m}", member);

    private Task<HttpResponseMessage> Send(string method, string path, string? body) =>
        body is null ? Api.Send(new HttpMethod(method), path, null) : Api.SendRaw(new HttpMethod(method), path, body);
}
