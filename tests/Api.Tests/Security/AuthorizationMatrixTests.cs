using Governance.Api.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.Security.Answers;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Every /v1 route against every kind of caller, each cell an exact status (and problem code when refused), on a
/// cooperative of its own. A refused request must leave every resource it could have touched exactly as it was.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFactory factory)
    : AuthorizationMatrix<AuthorizationMatrixTests, AuthorizationMatrixTests.Row, SecuredCooperative>(factory), IAuthorizationTable<AuthorizationMatrixTests.Row>
{
    /// <summary>Which proposal a route acts on: opening needs one in discussion, ballots one where everyone voted, the rest the open one.</summary>
    public enum Target
    {
        Open,
        Discussion,
        Voted,
    }

    private const string LastAdmin = "409 last-admin";

    /// <summary>Admins pass the access rule; the setup ran no import under the id the path names.</summary>
    private const string NoImport = "404 import-not-found";

    /// <summary>Readers pass the access rule; the open proposal has no audit record yet.</summary>
    private const string NotClosed = "409 proposal-not-closed";

    /// <summary>
    /// One row per route (priority poll and task routes have theirs in <see cref="PriorityAuthorizationMatrixTests"/> and
    /// <see cref="TaskAuthorizationMatrixTests"/>). In paths, {topic} is the setup's topic unless the row names another;
    /// in paths and bodies, {new} is a fresh id and {delegate} a member other than the one in the path and their
    /// current delegate.
    /// </summary>
    public sealed record Row(
        string Method, string Template, Access Access, string? Body,
        string Anonymous, string Outsider, string MemberAsOther, string Member, string AdminAsOther, string Admin, string AppKey)
        : AuthorizationRow(Method, Template, Access, Body, Anonymous, Outsider, MemberAsOther, Member, AdminAsOther, Admin, AppKey)
    {
        public string? Topic { get; init; }

        public Target Proposal { get; init; } = Target.Open;

        public string MediaType { get; init; } = "application/json";
    }

    private const string Cooperative = "/v1/cooperatives/{cooperativeId}";
    private const string Member = Cooperative + "/members/{memberId}";
    private const string Proposal = Cooperative + "/proposals/{proposalId}";

    public static IReadOnlyList<Row> Matrix { get; } =
    [
        //                                                                                       anonymous        outsider  member as other   member           admin as other  admin            app key
        new("POST", "/v1/cooperatives", Access.Person, """{"id":"{new}","name":"New cooperative"}""", Unauthenticated, Created, Created, Created, Created, Created, AppKeyNotAllowed),
        new("GET", Cooperative, Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("PUT", Cooperative + "/settings", Access.Admin, """{"membersMayCreateProposals":false}""", Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("PUT", Cooperative + "/topics/{topic}", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed) { Topic = "{new}" },

        new("POST", Cooperative + "/members", Access.Admin, """{"id":"{new}"}""", Unauthenticated, NotFound, AdminOnly, AdminOnly, Created, Created, AppKeyNotAllowed),
        new("GET", Cooperative + "/members", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Member, Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("PUT", Member + "/role", Access.Admin, """{"role":"admin"}""", Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("DELETE", Member, Access.SelfOrAdmin, null, Unauthenticated, NotFound, AdminOnly, NoContent, NoContent, LastAdmin, AppKeyNotAllowed),

        new("POST", Cooperative + "/members/import", Access.Admin, "id\n{new}\n", Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed) { MediaType = "text/csv" },
        new("GET", Cooperative + "/member-imports/{importId}", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, NoImport, NoImport, AppKeyNotAllowed),

        new("GET", Member + "/delegations", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("PUT", Member + "/delegations/default", Access.Self, """{"delegateId":"{delegate}"}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed),
        new("DELETE", Member + "/delegations/default", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed),
        new("PUT", Member + "/delegations/topics/{topic}", Access.Self, """{"delegateId":"{delegate}"}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed),
        new("DELETE", Member + "/delegations/topics/{topic}", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed),
        new("PUT", Proposal + "/delegations/{memberId}", Access.Self, """{"delegateId":"{delegate}"}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed),
        new("DELETE", Proposal + "/delegations/{memberId}", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed),

        new("POST", Cooperative + "/proposals", Access.Proposer, """{"id":"{new}","title":"New proposal"}""", Unauthenticated, NotFound, Created, Created, Created, Created, AppKeyNotAllowed),
        new("GET", Cooperative + "/proposals", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Proposal, Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("POST", Proposal + "/open", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed) { Proposal = Target.Discussion },
        new("POST", Proposal + "/close", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("GET", Proposal + "/tally", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Proposal + "/audit", Access.Reader, null, Unauthenticated, NotFound, NotClosed, NotClosed, NotClosed, NotClosed, NotClosed),
        new("GET", Proposal + "/events", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Proposal + "/tally/stream", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),

        new("PUT", Proposal + "/votes/{memberId}", Access.Self, """{"choice":"abstain"}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed) { Proposal = Target.Voted },
        new("DELETE", Proposal + "/votes/{memberId}", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed) { Proposal = Target.Voted },
        new("GET", Proposal + "/votes", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Proposal + "/votes/{memberId}/trace", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),

        new("POST", Cooperative + "/keys", Access.Admin, """{"name":"Another app","scopes":["read"]}""", Unauthenticated, NotFound, AdminOnly, AdminOnly, Created, Created, AppKeyNotAllowed),
        new("GET", Cooperative + "/keys", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("GET", Cooperative + "/keys/{keyId}", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("DELETE", Cooperative + "/keys/{keyId}", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, NoContent, NoContent, AppKeyNotAllowed),

        new("GET", Cooperative + "/events", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Cooperative + "/events/stream", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("POST", Cooperative + "/stream-tickets", Access.Reader, """{"path":"/v1/cooperatives/{cooperativeId}/events/stream"}""", Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
    ];

    [Fact]
    public void The_matrix_has_one_row_for_every_v1_route_with_its_method_and_access()
    {
        var mapped = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/v1", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["(any)"]).Select(method =>
                $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')} {endpoint.Metadata.GetMetadata<AccessRule>()?.Access.ToString() ?? "(no access rule)"}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var table = Matrix.Concat<AuthorizationRow>(PriorityAuthorizationMatrixTests.Matrix)
            .Concat(TaskAuthorizationMatrixTests.Matrix)
            .Concat(WebhookAuthorizationMatrixTests.Matrix)
            .Select(row => $"{row.Key} {row.Access}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(76, mapped.Count);
        Assert.Equal(table, mapped);
    }

    [Fact]
    public void The_matrix_has_no_route_twice()
    {
        Assert.Equal(Matrix.Count, Matrix.Select(row => row.Key).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// Creating a cooperative is left out: a cooperative nobody observing is a member of cannot be seen. A stream
    /// ticket changes nothing any read shows.
    /// </summary>
    public static bool ChangeIsObservable(Row row) => row.Template is not ("/v1/cooperatives" or Cooperative + "/stream-tickets");

    protected override Task<SecuredCooperative> Arrange() => SecuredCooperative.Create(Api);

    protected override IMatrixCooperative CooperativeOf(SecuredCooperative setup) => setup;

    protected override string OutsidersView(string outsiderCooperative) => Routes.Cooperative(outsiderCooperative);

    protected override MatrixRequest RequestFor(Row row, SecuredCooperative cooperative, string pathMember)
    {
        var proposal = row.Proposal switch
        {
            Target.Discussion => cooperative.Discussion,
            Target.Voted => cooperative.Voted,
            _ => cooperative.Open,
        };
        var fresh = Ids.New("new");
        var path = row.Template
            .Replace("{cooperativeId}", cooperative.Id)
            .Replace("{memberId}", pathMember)
            .Replace("{proposalId}", proposal)
            .Replace("{topic}", row.Topic ?? cooperative.Topic)
            .Replace("{keyId}", cooperative.KeyId)
            .Replace("{importId}", "none")
            .Replace("{new}", fresh);
        var body = row.Body?.Replace("{new}", fresh).Replace("{delegate}", cooperative.Previous(pathMember)).Replace("{cooperativeId}", cooperative.Id);
        string[] observed =
        [
            Routes.Cooperative(cooperative.Id),
            Routes.Members(cooperative.Id),
            Routes.Delegations(cooperative.Id, pathMember),
            Routes.Proposals(cooperative.Id),
            Routes.Proposal(cooperative.Id, proposal),
            Routes.Tally(cooperative.Id, proposal),
            Routes.Votes(cooperative.Id, proposal),
            Routes.Trace(cooperative.Id, proposal, pathMember),
            Routes.Keys(cooperative.Id),
        ];
        return new MatrixRequest(row.Method, path, body, observed, row.MediaType);
    }
}
