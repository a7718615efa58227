using Governance.Api.Authorization;
using Caller = Governance.Api.Tests.Security.AuthorizationMatrixTests.Caller;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Every priority poll route against every kind of caller of <see cref="AuthorizationMatrixTests"/>, each cell an
/// exact status (and problem code when refused), on a cooperative of its own. A refused request must leave every
/// resource it could have touched exactly as it was, and the same request from its rightful caller must show.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PriorityAuthorizationMatrixTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Which poll a route acts on: opening needs one in discussion, ballots one where everyone ranked, the rest the open one.</summary>
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

    private const string Polls = "/v1/cooperatives/{cooperativeId}/priorities";
    private const string Poll = Polls + "/{pollId}";

    /// <summary>
    /// One row per route, with its template exactly as the app maps it. In paths and bodies, {new} is a fresh id and
    /// {delegate} a member other than the one in the path and their current delegate.
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
        public Target Poll { get; init; } = Target.Open;

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

    public static readonly Row[] Matrix =
    [
        //                                                                                       anonymous        outsider  member as other   member           admin as other  admin            app key
        new("POST", Polls, Access.Proposer, """{"id":"{new}","title":"New poll","method":"approval","items":[{"id":"a","title":"A"}]}""", Unauthenticated, NotFound, Created, Created, Created, Created, AppKeyNotAllowed),
        new("GET", Polls, Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Poll, Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("POST", Poll + "/open", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed) { Poll = Target.Discussion },
        new("POST", Poll + "/close", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("GET", Poll + "/result", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),

        new("PUT", Poll + "/ballots/{memberId}", Access.Self, """{"ranking":[["c"],["b"]]}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed) { Poll = Target.Voted },
        new("DELETE", Poll + "/ballots/{memberId}", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed) { Poll = Target.Voted },
        new("GET", Poll + "/ballots", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Poll + "/ballots/{memberId}/trace", Access.Reader, null, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),

        new("PUT", Poll + "/delegations/{memberId}", Access.Self, """{"delegateId":"{delegate}"}""", Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed),
        new("DELETE", Poll + "/delegations/{memberId}", Access.Self, null, Unauthenticated, NotFound, NotYourself, NoContent, NotYourself, NoContent, AppKeyNotAllowed),
    ];

    /// <summary>Each route as "METHOD template Access", for the check that every mapped /v1 route has a row.</summary>
    public static IEnumerable<string> RouteKeys => Matrix.Select(row => $"{row.Key} {row.Access}");

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

    /// <summary>Every route that changes something, with the member in its path where it has one.</summary>
    public static TheoryData<string, string> Changes
    {
        get
        {
            var changes = new TheoryData<string, string>();
            foreach (var row in Matrix.Where(row => row.Method != "GET"))
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

    [Fact]
    public void The_matrix_has_no_route_twice_and_only_poll_routes()
    {
        Assert.Equal(Matrix.Length, Matrix.Select(row => row.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Matrix, row => Assert.StartsWith(Polls, row.Template, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_exactly_the_status_the_matrix_says_and_a_refusal_changes_nothing(string route, Caller caller)
    {
        var row = Matrix.Single(candidate => candidate.Key == route);
        var expected = row.Expected(caller).Split(' ');
        var polls = await SecuredPolls.Create(Api);
        var cooperative = polls.Cooperative;
        var request = Request.For(row, polls, caller switch
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
        var outsidersBefore = await outsiders.Observe(PriorityRoutes.Polls(cooperative.OutsiderCooperative));

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
            Assert.Equal(outsidersBefore, await outsiders.Observe(PriorityRoutes.Polls(cooperative.OutsiderCooperative)));
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

    /// <summary>The other side of "a refusal changes nothing": from its rightful caller the same request shows in what is observed.</summary>
    [Theory]
    [MemberData(nameof(Changes))]
    public async Task What_the_matrix_observes_shows_the_change_when_the_rightful_caller_makes_it(string route, string victim)
    {
        var row = Matrix.Single(candidate => candidate.Key == route);
        var polls = await SecuredPolls.Create(Api);
        var cooperative = polls.Cooperative;
        var pathMember = victim == "plain" ? cooperative.Plain : cooperative.Other;
        var request = Request.For(row, polls, pathMember);
        var rightful = row.Access == Access.Self ? pathMember : cooperative.Admin;
        var observer = Api.As(cooperative.Admin);
        var before = await observer.Observe(request.Observed);

        var response = await request.Send(Api.As(rightful));

        Assert.True(response.IsSuccessStatusCode, $"{row.Key} as {rightful}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.NotEqual(before, await observer.Observe(request.Observed));
    }

    /// <summary>One row's request on one cooperative, with the member in its path, and the resources it could touch.</summary>
    private sealed record Request(string Method, string Path, string? Body, string[] Observed)
    {
        public static Request For(Row row, SecuredPolls polls, string pathMember)
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
            return new Request(row.Method, path, body, observed);
        }

        public Task<HttpResponseMessage> Send(GovernanceClient client) =>
            Body is null
                ? client.Send(new HttpMethod(Method), Path, null)
                : client.SendRaw(new HttpMethod(Method), Path, Body);
    }
}
