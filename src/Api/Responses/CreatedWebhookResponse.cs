using Governance.Contracts.Webhooks;

namespace Governance.Api.Responses;

/// <summary>
/// A webhook endpoint just registered, or its secret just rotated. <see cref="Secret"/> (whsec_…) verifies the
/// signatures of its deliveries; it is shown only here.
/// </summary>
public sealed record CreatedWebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string>? EventTypes,
    string? Description,
    WebhookStatus Status,
    string Secret,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousSecretExpiresAt)
{
    public static CreatedWebhookResponse Of(CreatedWebhook created)
    {
        var webhook = created.Webhook;
        return new(webhook.Id, webhook.Url, webhook.EventTypes, webhook.Description, webhook.Status, created.Secret, webhook.CreatedAt, webhook.PreviousSecretExpiresAt);
    }
}
