namespace Governance.Api.Tests.Security;

/// <summary>
/// A fresh <see cref="MatrixCooperative"/> with one webhook that receives only reviews, which the matrix never makes,
/// so nothing is delivered and what its routes show changes only through the request under test.
/// </summary>
public sealed record WebhookCooperative(MatrixCooperative Cooperative, string WebhookId) : IMatrixCooperative
{
    /// <summary>A closed loopback port: the address is allowed, and no delivery is ever attempted.</summary>
    public const string Url = "http://127.0.0.1:9/hook";

    public static readonly string[] ReviewsOnly = ["task.reviewed"];

    public string Id => Cooperative.Id;

    public string Admin => Cooperative.Admin;

    public string Plain => Cooperative.Plain;

    public string Other => Cooperative.Other;

    public string Outsider => Cooperative.Outsider;

    public string OutsiderCooperative => Cooperative.OutsiderCooperative;

    public string Key => Cooperative.Key;

    public static async Task<WebhookCooperative> Create(GovernanceClient api)
    {
        var cooperative = await MatrixCooperative.Create(api);
        var created = await Expect.Status(
            await api.As(cooperative.Admin).Post(WebhookRoutes.Webhooks(cooperative.Id), new { url = Url, eventTypes = ReviewsOnly }), HttpStatusCode.Created);
        var webhookId = created.GetProperty("id").GetString()!;
        await CaughtUp(api.As(cooperative.Admin), cooperative.Id, webhookId);
        return new WebhookCooperative(cooperative, webhookId);
    }

    /// <summary>Waits until the webhook has passed every event of the feed, so nothing moves while the matrix observes.</summary>
    private static async Task CaughtUp(GovernanceClient admin, string cooperativeId, string webhookId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var feed = await admin.GetJson(Routes.WithQuery($"{Routes.Cooperative(cooperativeId)}/events", ("limit", "1000")));
            var end = feed.GetProperty("nextCursor").GetString();
            var progress = (await admin.GetJson(WebhookRoutes.Webhook(cooperativeId, webhookId))).GetProperty("progress");
            if (progress.GetProperty("deliveredThrough").GetString() == end)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The webhook stayed at {progress} while the feed reached {end}.");
            await Task.Delay(20);
        }
    }
}
