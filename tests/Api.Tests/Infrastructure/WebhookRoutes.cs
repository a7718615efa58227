namespace Governance.Api.Tests.Infrastructure;

public static class WebhookRoutes
{
    public static string Webhooks(string cooperativeId) => $"{Routes.Cooperative(cooperativeId)}/webhooks";

    public static string Webhook(string cooperativeId, string webhookId) => $"{Webhooks(cooperativeId)}/{webhookId}";

    public static string Deliveries(string cooperativeId, string webhookId) => $"{Webhook(cooperativeId, webhookId)}/deliveries";

    public static string Rotate(string cooperativeId, string webhookId) => $"{Webhook(cooperativeId, webhookId)}/rotate-secret";

    public static string Enable(string cooperativeId, string webhookId) => $"{Webhook(cooperativeId, webhookId)}/enable";

    public static string Replay(string cooperativeId, string webhookId) => $"{Webhook(cooperativeId, webhookId)}/replay";
}
