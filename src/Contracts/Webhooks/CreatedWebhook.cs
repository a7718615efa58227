namespace Governance.Contracts.Webhooks;

/// <summary>An endpoint and its signing secret, which is shown only in this answer.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.CreatedWebhook")]
public sealed record CreatedWebhook(
    [property: Id(0)] WebhookView Webhook,
    [property: Id(1)] string Secret);
