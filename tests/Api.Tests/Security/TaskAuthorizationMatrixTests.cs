using Governance.Api.Authorization;
using Caller = Governance.Api.Tests.Security.AuthorizationMatrixTests.Caller;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The task routes against every kind of caller, as <see cref="AuthorizationMatrixTests"/> does for the rest: each
/// cell an exact status (and problem code when refused), on a cooperative of its own, and a refusal changes nothing.
/// Routes that act as the caller name no member, so there "as other" is the same caller as without it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TaskAuthorizationMatrixTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Which task a route acts on.</summary>
    public enum Target
    {
        Open,
        Claimed,
        Completed,
        Suggested,
    }

    private const string Ok = "200";
    private const string Created = "201";
    private const string NoContent = "204";
    private const string Unauthenticated = "401 unauthenticated";
    private const string NotFound = "404 cooperative-not-found";
    private const string NotYourself = "403 not-yourself";
    private const string AppKeyNotAllowed = "403 app-key-not-allowed";
    private const string NotClaimant = "403 not-claimant";
    private const string OwnWork = "403 own-work";
    private const string SuggestedToAnother = "403 suggested-to-another";

    /// <summary>
    /// One row per route, with its template exactly as the app maps it; <paramref name="Rightful"/> is a caller the
    /// route is meant for. In bodies, {new} is a fresh id.
    /// </summary>
    public sealed record Row(
        string Method,
        string Template,
        Access Access,
        string? Body,
        Target Task,
        Caller Rightful,
        string Anonymous,
        string Outsider,
        string MemberAsOther,
        string Member,
        string AdminAsOther,
        string Admin,
        string AppKey)
    {
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

    private const string Tasks = "/v1/cooperatives/{cooperativeId}/tasks";
    private const string OneTask = Tasks + "/{taskId}";
    private const string Member = "/v1/cooperatives/{cooperativeId}/members/{memberId}";

    public static readonly Row[] Matrix =
    [
        //                                                                                                                          anonymous        outsider  member as other  member      admin as other      admin               app key
        new("POST", Tasks, Access.Member, """{"id":"{new}","title":"New task","effortHours":1}""", Target.Open, Caller.Member, Unauthenticated, NotFound, Created, Created, Created, Created, AppKeyNotAllowed),
        new("GET", Tasks, Access.Reader, null, Target.Open, Caller.Member, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Tasks + "/suggestions", Access.Reader, null, Target.Open, Caller.Member, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", OneTask, Access.Reader, null, Target.Open, Caller.Member, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", OneTask + "/events", Access.Reader, null, Target.Open, Caller.Member, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("POST", OneTask + "/claim", Access.Member, null, Target.Open, Caller.Member, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, AppKeyNotAllowed),
        new("POST", OneTask + "/progress", Access.Member, """{"note":"Going well"}""", Target.Claimed, Caller.Member, Unauthenticated, NotFound, Ok, Ok, NotClaimant, NotClaimant, AppKeyNotAllowed),
        new("POST", OneTask + "/release", Access.Member, null, Target.Claimed, Caller.Member, Unauthenticated, NotFound, Ok, Ok, NotClaimant, NotClaimant, AppKeyNotAllowed),
        new("POST", OneTask + "/complete", Access.Member, null, Target.Claimed, Caller.Member, Unauthenticated, NotFound, Ok, Ok, NotClaimant, NotClaimant, AppKeyNotAllowed),
        new("POST", OneTask + "/review", Access.Member, """{"approved":true}""", Target.Completed, Caller.Admin, Unauthenticated, NotFound, OwnWork, OwnWork, Ok, Ok, AppKeyNotAllowed),
        new("POST", OneTask + "/suggestion/accept", Access.Member, null, Target.Suggested, Caller.Member, Unauthenticated, NotFound, Ok, Ok, SuggestedToAnother, SuggestedToAnother, AppKeyNotAllowed),
        new("POST", OneTask + "/suggestion/decline", Access.Member, null, Target.Suggested, Caller.Member, Unauthenticated, NotFound, NoContent, NoContent, SuggestedToAnother, SuggestedToAnother, AppKeyNotAllowed),
        new("PUT", Member + "/availability", Access.Self, """{"skills":["baking"],"weeklyCapacityHours":3}""", Target.Open, Caller.Member, Unauthenticated, NotFound, NotYourself, Ok, NotYourself, Ok, AppKeyNotAllowed),
        new("GET", Member + "/availability", Access.Reader, null, Target.Open, Caller.Member, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
        new("GET", Member + "/contributions", Access.Reader, null, Target.Open, Caller.Member, Unauthenticated, NotFound, Ok, Ok, Ok, Ok, Ok),
    ];

    /// <summary>"METHOD template access" of every row, for the check that every mapped /v1 route has a row somewhere.</summary>
    public static IEnumerable<string> RouteAccesses => Matrix.Select(row => $"{row.Key} {row.Access}");

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

    /// <summary>Every route that changes something, with each member its path can name.</summary>
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
    public void The_matrix_has_no_route_twice()
    {
        Assert.Equal(Matrix.Length, Matrix.Select(row => row.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_exactly_the_status_the_matrix_says_and_a_refusal_changes_nothing(string route, Caller caller)
    {
        var row = Matrix.Single(candidate => candidate.Key == route);
        var expected = row.Expected(caller).Split(' ');
        var cooperative = await TaskCooperative.Create(Api);
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
        var outsidersBefore = await outsiders.Observe(TaskRoutes.Tasks(cooperative.OutsiderCooperative));

        var response = await request.Send(client);

        var status = (HttpStatusCode)int.Parse(expected[0]);
        if ((int)status >= 400)
        {
            await Expect.Problem(response, status, expected[1]);
            Assert.Equal(before, await observer.Observe(request.Observed));
            Assert.Equal(outsidersBefore, await outsiders.Observe(TaskRoutes.Tasks(cooperative.OutsiderCooperative)));
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

    /// <summary>The same request from a caller it is meant for does change what the matrix observes, so an unchanged observation proves something.</summary>
    [Theory]
    [MemberData(nameof(Changes))]
    public async Task What_the_matrix_observes_shows_the_change_when_the_rightful_caller_makes_it(string route, string victim)
    {
        var row = Matrix.Single(candidate => candidate.Key == route);
        var cooperative = await TaskCooperative.Create(Api);
        var pathMember = victim == "plain" ? cooperative.Plain : cooperative.Other;
        var request = Request.For(row, cooperative, pathMember);
        var rightful = row.Access == Access.Self ? pathMember : row.Rightful == Caller.Admin ? cooperative.Admin : cooperative.Plain;
        var observer = Api.As(cooperative.Admin);
        var before = await observer.Observe(request.Observed);

        var response = await request.Send(Api.As(rightful));

        Assert.True(response.IsSuccessStatusCode, $"{row.Key} as {rightful}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.NotEqual(before, await observer.Observe(request.Observed));
    }

    /// <summary>One row's request on one cooperative, with the member in its path, and the resources it could touch.</summary>
    private sealed record Request(string Method, string Path, string? Body, string[] Observed)
    {
        public static Request For(Row row, TaskCooperative cooperative, string pathMember)
        {
            var task = row.Task switch
            {
                Target.Claimed => cooperative.Claimed,
                Target.Completed => cooperative.Completed,
                Target.Suggested => cooperative.Suggested,
                _ => cooperative.Open,
            };
            var fresh = Ids.New("new");
            var path = row.Template
                .Replace("{cooperativeId}", cooperative.Id)
                .Replace("{memberId}", pathMember)
                .Replace("{taskId}", task);
            var body = row.Body?.Replace("{new}", fresh);
            string[] observed =
            [
                TaskRoutes.Tasks(cooperative.Id),
                TaskRoutes.Task(cooperative.Id, task),
                TaskRoutes.Events(cooperative.Id, task),
                TaskRoutes.Suggestions(cooperative.Id),
                TaskRoutes.Availability(cooperative.Id, pathMember),
                TaskRoutes.Contributions(cooperative.Id, cooperative.Plain),
                TaskRoutes.Contributions(cooperative.Id, cooperative.Admin),
            ];
            return new Request(row.Method, path, body, observed);
        }

        public Task<HttpResponseMessage> Send(GovernanceClient client) =>
            Body is null
                ? client.Send(new HttpMethod(Method), Path, null)
                : client.SendRaw(new HttpMethod(Method), Path, Body);
    }
}
