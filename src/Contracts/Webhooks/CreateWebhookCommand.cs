namespace Governance.Contracts.Webhooks;

/// <summary>A new endpoint: where to deliver, which event types (all when null), and who registered it.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.CreateWebhookCommand")]
public sealed record CreateWebhookCommand(
    [property: Id(0)] string Id,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string>? EventTypes,
    [property: Id(3)] string? Description,
    [property: Id(4)] string CreatedBy);
