using Governance.Api.Authorization;
using static Governance.Api.Tests.Security.Answers;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The task routes against every kind of caller, as <see cref="AuthorizationMatrixTests"/> does for the rest, on a
/// cooperative of its own. Routes that act as the caller name no member, so there "as other" is the same caller as
/// without it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TaskAuthorizationMatrixTests(ApiFactory factory)
    : AuthorizationMatrix<TaskAuthorizationMatrixTests, TaskAuthorizationMatrixTests.Row, TaskCooperative>(factory), IAuthorizationTable<TaskAuthorizationMatrixTests.Row>
{
    /// <summary>Which task a route acts on.</summary>
    public enum Target
    {
        Open,
        Claimed,
        Completed,
        Suggested,
    }

    private const string NotClaimant = "403 not-claimant";
    private const string OwnWork = "403 own-work";
    private const string SuggestedToAnother = "403 suggested-to-another";

    /// <summary>One row per route; <paramref name="Rightful"/> is a caller the route is meant for. In bodies, {new} is a fresh id.</summary>
    public sealed record Row(
        string Method, string Template, Access Access, string? Body, Target Task, Caller Rightful,
        string Anonymous, string Outsider, string MemberAsOther, string Member, string AdminAsOther, string Admin, string AppKey)
        : AuthorizationRow(Method, Template, Access, Body, Anonymous, Outsider, MemberAsOther, Member, AdminAsOther, Admin, AppKey);

    private const string Tasks = "/v1/cooperatives/{cooperativeId}/tasks";
    private const string OneTask = Tasks + "/{taskId}";
    private const string Member = "/v1/cooperatives/{cooperativeId}/members/{memberId}";

    public static IReadOnlyList<Row> Matrix { get; } =
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

    [Fact]
    public void The_matrix_has_no_route_twice()
    {
        Assert.Equal(Matrix.Count, Matrix.Select(row => row.Key).Distinct(StringComparer.Ordinal).Count());
    }

    protected override Task<TaskCooperative> Arrange() => TaskCooperative.Create(Api);

    protected override IMatrixCooperative CooperativeOf(TaskCooperative setup) => setup;

    protected override string OutsidersView(string outsiderCooperative) => TaskRoutes.Tasks(outsiderCooperative);

    /// <summary>The member in the path when the route acts on oneself, otherwise whom the row names.</summary>
    protected override string Rightful(Row row, IMatrixCooperative cooperative, string pathMember) =>
        row.Access == Access.Self ? pathMember : row.Rightful == Caller.Admin ? cooperative.Admin : cooperative.Plain;

    protected override MatrixRequest RequestFor(Row row, TaskCooperative cooperative, string pathMember)
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
        return new MatrixRequest(row.Method, path, body, observed);
    }
}
