namespace Governance.Contracts.Webhooks;

/// <summary>
/// How far delivery has reached: <paramref name="DeliveredThrough"/> is the feed cursor after the last event delivered,
/// or the one delivery starts after (the feed's end when the endpoint was created, or a replay's cursor), and <paramref name="PendingEventId"/> the event now being retried, after
/// <paramref name="PendingAttempts"/> failed attempts, next at <paramref name="NextAttemptAt"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.WebhookProgressView")]
public sealed record WebhookProgressView(
    [property: Id(0)] string? DeliveredThrough,
    [property: Id(1)] string? LastDeliveredEventId,
    [property: Id(2)] string? PendingEventId,
    [property: Id(3)] int PendingAttempts,
    [property: Id(4)] DateTimeOffset? NextAttemptAt,
    [property: Id(5)] DateTimeOffset? FailingSince);
