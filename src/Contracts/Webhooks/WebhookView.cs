namespace Governance.Contracts.Webhooks;

/// <summary>
/// An endpoint as its admins see it: settings, whether it is enabled (and if not, why and since when), the last
/// delivery attempt, how far delivery has reached in the feed, and the event being retried, if any.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.WebhookView")]
public sealed record WebhookView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string>? EventTypes,
    [property: Id(3)] string? Description,
    [property: Id(4)] WebhookStatus Status,
    [property: Id(5)] string? DisabledReason,
    [property: Id(6)] DateTimeOffset? DisabledAt,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] string CreatedBy,
    [property: Id(9)] WebhookDeliveryView? LastDelivery,
    [property: Id(10)] WebhookProgressView Progress,
    [property: Id(11)] DateTimeOffset? PreviousSecretExpiresAt);
