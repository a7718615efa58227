namespace Governance.Contracts.Webhooks;

/// <summary>
/// One delivery attempt: when, which event and which attempt at it, the receiver's status code (null when no response
/// came), how long it took, and the error, if any. <paramref name="Outcome"/> is delivered, failed, or disabled (the
/// attempt that disabled the endpoint).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.WebhookDeliveryView")]
public sealed record WebhookDeliveryView(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string EventId,
    [property: Id(3)] int Attempt,
    [property: Id(4)] int? StatusCode,
    [property: Id(5)] long DurationMs,
    [property: Id(6)] string? Error,
    [property: Id(7)] string Outcome);
