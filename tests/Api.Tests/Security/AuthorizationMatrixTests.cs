using Governance.Api.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Every /v1 route against every kind of caller, each cell an exact status (and problem code when refused), on a
/// cooperative of its own. A refused request must leave every resource it could have touched exactly as it was.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFactory factory) : ApiTest(factory)
{
    public enum Caller
    {
        /// <summary>No credentials at all.</summary>
        Anonymous,

        /// <summary>A member (and admin) of a second cooperative who is not a member of this one.</summary>
        Outsider,

        /// <summary>A plain member, naming another member in the path where the route has one.</summary>
        MemberAsOther,

        /// <summary>A plain member, naming themselves in the path where the route has one.</summary>
        Member,

        /// <summary>The admin, naming the plain member in the path where the route has one.</summary>
        AdminAsOther,

        /// <summary>The admin, naming themselves in the path where the route has one.</summary>
        Admin,

        /// <summary>The cooperative's own app key, with the read scope.</summary>
        AppKey,
    }

    /// <summary>Which proposal a route acts on: opening needs one in discussion, ballots one where everyone voted, the rest the open one.</summary>
    public enum Target
    {
        Open,
        Discussion,
        Voted,
    }

    private const string Ok = "200";
    private const string Created = "201";
    private const string NoContent = "204";
    private const string Unauthenticated = "401 unauthenticated";
    private const string NotFound = "404 cooperative-not-found";
    private const string AdminOnly = "403 admin-only";
    private const string NotYourself = "403 not-yourself";
    private const string AppKeyNotAllowed = "403 app-key-not-allowed";
    private const string LastAdmin = "409 last-admin";

    /// <summary>
    /// One row per route (priority poll routes have theirs in <see cref="PriorityAuthorizationMatrixTests"/>), with the
    /// route's template exactly as the app maps it. In paths, {topic} is the setup's topic
    /// unless the row names another; in paths and bodies, {new} is a fresh id and {delegate} a member other than the
    /// one in the path and their current delegate.
    /// </summary>
    public sealed record Row(
        string Method,
        string Template,
        Access Access,
        string? Body,
        string Anonymous,
        string Outsider,
        string MemberAsOther,
        string Member,
        string AdminAsOther,
        string Admin,
        string AppKey)
    {
        public string? Topic { get; init; }

        public Target Proposal { get; init; } = Target.Open;

        public string Key => $"{Method} {Template}";

        public string Expected(Caller caller) => caller switch
        {
            Caller.Anonymous => Anonymous,
            Caller.Outsider => Outsider,
            Caller.MemberAsOther => MemberAsOther,
            Caller.Member => Member,
            Caller.AdminAsOther => AdminAsOther,
            Caller.Admin => Admin,
            Caller.AppKey => AppKey,
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
    }

    private const string Cooperative = "/v1/cooperatives/{cooperativeId}";
    private const string Member = Cooperative + "/members/{memberId}";
    private const string Proposal = Cooperative + "/proposals/{proposalId}";

    public static readonly Row[] Matrix =
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

        new("PUT", Proposal + "/votes/{memberId}", Access.Self, """{"choice":"abstain"}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed) { Proposal = Target.Voted },
        new("DELETE", Proposal + "/votes/{memberId}", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed) { Proposal = Target.Voted },
        new("GET", Proposal + "/votes", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Proposal + "/votes/{memberId}/trace", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),

        new("POST", Cooperative + "/keys", Access.Admin, """{"name":"Another app","scopes":["read"]}""", Unauthenticated, NotFound, AdminOnly, AdminOnly, Created, Created, AppKeyNotAllowed),
        new("GET", Cooperative + "/keys", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("GET", Cooperative + "/keys/{keyId}", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("DELETE", Cooperative + "/keys/{keyId}", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, NoContent, NoContent, AppKeyNotAllowed),
    ];

    public static TheoryData<string, Caller> Cells
    {
        get
        {
            var cells = new TheoryData<string, Caller>();
            foreach (var row in Matrix)
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    cells.Add(row.Key, caller);
                }
            }

            return cells;
        }
    }

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

        var table = Matrix.Select(row => $"{row.Key} {row.Access}")
            .Concat(PriorityAuthorizationMatrixTests.RouteKeys)
            .Concat(TaskAuthorizationMatrixTests.RouteAccesses)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(57, mapped.Count);
        Assert.Equal(table, mapped);
    }

    [Fact]
    public void The_matrix_has_no_route_twice()
    {
        Assert.Equal(Matrix.Length, Matrix.Select(row => row.Key).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Every route that changes something, for the check that the state a refusal is compared on would show the change.</summary>
    public static TheoryData<string, string> Changes
    {
        get
        {
            var changes = new TheoryData<string, string>();
            foreach (var row in Matrix.Where(row => row.Method != "GET" && row.Template != "/v1/cooperatives"))
            {
                changes.Add(row.Key, "plain");
                if (row.Template.Contains("{memberId}", StringComparison.Ordinal))
                {
                    changes.Add(row.Key, "other");
                }
            }

            return changes;
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_exactly_the_status_the_matrix_says_and_a_refusal_changes_nothing(string route, Caller caller)
    {
        var row = Matrix.Single(candidate => candidate.Key == route);
        var expected = row.Expected(caller).Split(' ');
        var cooperative = await SecuredCooperative.Create(Api);
        var request = Request.For(row, cooperative, caller switch
        {
            Caller.MemberAsOther => cooperative.Other,
            Caller.Admin => cooperative.Admin,
            _ => cooperative.Plain,
        });
        var client = caller switch
        {
            Caller.Anonymous => Api.Anonymous,
            Caller.Outsider => Api.As(cooperative.Outsider),
            Caller.MemberAsOther or Caller.Member => Api.As(cooperative.Plain),
            Caller.AdminAsOther or Caller.Admin => Api.As(cooperative.Admin),
            Caller.AppKey => Api.WithAppKey(cooperative.Key),
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };
        var observer = Api.As(cooperative.Admin);
        var outsiders = Api.As(cooperative.Outsider);
        var before = await observer.Observe(request.Observed);
        var outsidersBefore = await outsiders.Observe(Routes.Cooperative(cooperative.OutsiderCooperative));

        var response = await request.Send(client);

        var status = (HttpStatusCode)int.Parse(expected[0]);
        if ((int)status >= 400)
        {
            await Expect.Problem(response, status, expected[1]);
            if (status == HttpStatusCode.Unauthorized)
            {
                Assert.Equal(["Bearer"], response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()));
            }

            Assert.Equal(before, await observer.Observe(request.Observed));
            Assert.Equal(outsidersBefore, await outsiders.Observe(Routes.Cooperative(cooperative.OutsiderCooperative)));
        }
        else if (status == HttpStatusCode.NoContent)
        {
            await Expect.NoContent(response);
        }
        else
        {
            await Expect.Status(response, status);
        }
    }

    /// <summary>
    /// The other side of "a refusal changes nothing": the same request, sent by someone entitled to it, does change
    /// what the matrix observes. Otherwise an equal before and after would prove nothing. (Creating a cooperative is
    /// left out: a cooperative nobody observing is a member of cannot be seen.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Changes))]
    public async Task What_the_matrix_observes_shows_the_change_when_the_rightful_caller_makes_it(string route, string victim)
    {
        var row = Matrix.Single(candidate => candidate.Key == route);
        var cooperative = await SecuredCooperative.Create(Api);
        var pathMember = victim == "plain" ? cooperative.Plain : cooperative.Other;
        var request = Request.For(row, cooperative, pathMember);
        var rightful = row.Access is Access.Self or Access.SelfOrAdmin ? pathMember : cooperative.Admin;
        var observer = Api.As(cooperative.Admin);
        var before = await observer.Observe(request.Observed);

        var response = await request.Send(Api.As(rightful));

        Assert.True(response.IsSuccessStatusCode, $"{row.Key} as {rightful}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.NotEqual(before, await observer.Observe(request.Observed));
    }

    /// <summary>One row's request on one cooperative, with the member in its path, and the resources it could touch.</summary>
    private sealed record Request(string Method, string Path, string? Body, string[] Observed)
    {
        public static Request For(Row row, SecuredCooperative cooperative, string pathMember)
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
                .Replace("{new}", fresh);
            var body = row.Body?.Replace("{new}", fresh).Replace("{delegate}", cooperative.Previous(pathMember));
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
            return new Request(row.Method, path, body, observed);
        }

        public Task<HttpResponseMessage> Send(GovernanceClient client) =>
            Body is null
                ? client.Send(new HttpMethod(Method), Path, null)
                : client.SendRaw(new HttpMethod(Method), Path, Body);
    }
}
