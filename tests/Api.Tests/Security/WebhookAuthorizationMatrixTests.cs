using Governance.Api.Authorization;
using static Governance.Api.Tests.Security.Answers;

namespace Governance.Api.Tests.Security;

/// <summary>The webhook routes against every kind of caller: only the cooperative's admins manage its webhooks.</summary>
[Collection(ApiCollection.Name)]
public sealed class WebhookAuthorizationMatrixTests(ApiFactory factory)
    : AuthorizationMatrix<WebhookAuthorizationMatrixTests, WebhookAuthorizationMatrixTests.Row, WebhookCooperative>(factory), IAuthorizationTable<WebhookAuthorizationMatrixTests.Row>
{
    public sealed record Row(
        string Method, string Template, Access Access, string? Body,
        string Anonymous, string Outsider, string MemberAsOther, string Member, string AdminAsOther, string Admin, string AppKey)
        : AuthorizationRow(Method, Template, Access, Body, Anonymous, Outsider, MemberAsOther, Member, AdminAsOther, Admin, AppKey);

    private const string Webhooks = "/v1/cooperatives/{cooperativeId}/webhooks";
    private const string Webhook = Webhooks + "/{webhookId}";

    public static IReadOnlyList<Row> Matrix { get; } =
    [
        new("POST", Webhooks, Access.Admin, $$"""{"url":"{{WebhookCooperative.Url}}","eventTypes":["task.reviewed"]}""", Unauthenticated, NotFound, AdminOnly, AdminOnly, Created, Created, AppKeyNotAllowed),
        new("GET", Webhooks, Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("GET", Webhook, Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("DELETE", Webhook, Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, NoContent, NoContent, AppKeyNotAllowed),
        new("POST", Webhook + "/rotate-secret", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("POST", Webhook + "/enable", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("GET", Webhook + "/deliveries", Access.Admin, null, Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
        new("POST", Webhook + "/replay", Access.Admin, """{"after":null}""", Unauthenticated, NotFound, AdminOnly, AdminOnly, Ok, Ok, AppKeyNotAllowed),
    ];

    [Fact]
    public void The_matrix_has_no_route_twice()
    {
        Assert.Equal(Matrix.Count, Matrix.Select(row => row.Key).Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Enabling an enabled endpoint and replaying into the same place leave what the routes show as it was.</summary>
    public static bool ChangeIsObservable(Row row) => !row.Template.EndsWith("/enable", StringComparison.Ordinal) && !row.Template.EndsWith("/replay", StringComparison.Ordinal);

    protected override Task<WebhookCooperative> Arrange() => WebhookCooperative.Create(Api);

    protected override IMatrixCooperative CooperativeOf(WebhookCooperative setup) => setup;

    protected override string OutsidersView(string outsiderCooperative) => Routes.Cooperative(outsiderCooperative);

    protected override MatrixRequest RequestFor(Row row, WebhookCooperative setup, string pathMember)
    {
        var path = row.Template.Replace("{cooperativeId}", setup.Id).Replace("{webhookId}", setup.WebhookId);
        return new MatrixRequest(row.Method, path, row.Body, [WebhookRoutes.Webhooks(setup.Id), WebhookRoutes.Deliveries(setup.Id, setup.WebhookId)]);
    }
}
