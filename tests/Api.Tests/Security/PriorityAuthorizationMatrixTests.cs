using Governance.Api.Authorization;
using static Governance.Api.Tests.Security.Answers;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Every priority poll route against every kind of caller, as <see cref="AuthorizationMatrixTests"/> does for the
/// cooperative's other routes, on polls of their own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PriorityAuthorizationMatrixTests(ApiFactory factory)
    : AuthorizationMatrix<PriorityAuthorizationMatrixTests, PriorityAuthorizationMatrixTests.Row, SecuredPolls>(factory), IAuthorizationTable<PriorityAuthorizationMatrixTests.Row>
{
    /// <summary>Which poll a route acts on: opening needs one in discussion, ballots one where everyone ranked, the rest the open one.</summary>
    public enum Target
    {
        Open,
        Discussion,
        Voted,
    }

    /// <summary>Readers pass the access rule; the open poll has no audit record yet.</summary>
    private const string NotClosed = "409 poll-not-closed";

    private const string Polls = "/v1/cooperatives/{cooperativeId}/priorities";
    private const string Poll = Polls + "/{pollId}";

    /// <summary>
    /// One row per route. In paths and bodies, {new} is a fresh id and {delegate} a member other than the one in the
    /// path and their current delegate.
    /// </summary>
    public sealed record Row(
        string Method, string Template, Access Access, string? Body,
        string Anonymous, string Outsider, string MemberAsOther, string Member, string AdminAsOther, string Admin, string AppKey)
        : AuthorizationRow(Method, Template, Access, Body, Anonymous, Outsider, MemberAsOther, Member, AdminAsOther, Admin, AppKey)
    {
        public Target Poll { get; init; } = Target.Open;
    }

    public static IReadOnlyList<Row> Matrix { get; } =
    [
        //                                                                                       anonymous        outsider  member as other   member           admin as other  admin            app key
        new("POST", Polls, Access.Proposer, """{"id":"{new}","title":"New poll","method":"approval","items":[{"id":"a","title":"A"}]}""", Unauthenticated, NotFound, Created, Created, Created, Created, AppKeyNotAllowed),
        new("GET", Polls, Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Poll, Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("POST", Poll + "/open", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed) { Poll = Target.Discussion },
        new("POST", Poll + "/close", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("GET", Poll + "/result", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Poll + "/audit", Access.Reader, null, Unauthenticated, NotFound, NotClosed, NotClosed, NotClosed, NotClosed, NotClosed),
        new("GET", Poll + "/events", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Poll + "/result/stream", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),

        new("PUT", Poll + "/ballots/{memberId}", Access.Self, """{"ranking":[["c"],["b"]]}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed) { Poll = Target.Voted },
        new("DELETE", Poll + "/ballots/{memberId}", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed) { Poll = Target.Voted },
        new("GET", Poll + "/ballots", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Poll + "/ballots/{memberId}/trace", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),

        new("PUT", Poll + "/delegations/{memberId}", Access.Self, """{"delegateId":"{delegate}"}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed),
        new("DELETE", Poll + "/delegations/{memberId}", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed),
    ];

    [Fact]
    public void The_matrix_has_no_route_twice_and_only_poll_routes()
    {
        Assert.Equal(Matrix.Count, Matrix.Select(row => row.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Matrix, row => Assert.StartsWith(Polls, row.Template, StringComparison.Ordinal));
    }

    protected override Task<SecuredPolls> Arrange() => SecuredPolls.Create(Api);

    protected override IMatrixCooperative CooperativeOf(SecuredPolls setup) => setup.Cooperative;

    protected override string OutsidersView(string outsiderCooperative) => PriorityRoutes.Polls(outsiderCooperative);

    protected override MatrixRequest RequestFor(Row row, SecuredPolls polls, string pathMember)
    {
        var cooperative = polls.Cooperative;
        var poll = row.Poll switch
        {
            Target.Discussion => polls.Discussion,
            Target.Voted => polls.Voted,
            _ => polls.Open,
        };
        var fresh = Ids.New("new");
        var path = row.Template
            .Replace("{cooperativeId}", cooperative.Id)
            .Replace("{memberId}", pathMember)
            .Replace("{pollId}", poll)
            .Replace("{new}", fresh);
        var body = row.Body?.Replace("{new}", fresh).Replace("{delegate}", cooperative.Previous(pathMember));
        string[] observed =
        [
            Routes.Cooperative(cooperative.Id),
            Routes.Members(cooperative.Id),
            Routes.Delegations(cooperative.Id, pathMember),
            PriorityRoutes.Polls(cooperative.Id),
            PriorityRoutes.Poll(cooperative.Id, poll),
            PriorityRoutes.Result(cooperative.Id, poll),
            PriorityRoutes.Ballots(cooperative.Id, poll),
            PriorityRoutes.Trace(cooperative.Id, poll, pathMember),
        ];
        return new MatrixRequest(row.Method, path, body, observed);
    }
}
