namespace Governance.Api.Requests;

/// <summary>A webhook endpoint: its https URL, the event types it receives (every type when left out), and a note for its admins.</summary>
/// <param name="Url">Where deliveries are POSTed: an https URL whose host is no private, loopback or reserved address unless the operator allows that network.</param>
/// <param name="EventTypes">The feed's event types to deliver, such as proposal.closed; every type when left out.</param>
/// <param name="Description">A note for the cooperative's admins, such as what receives it; optional.</param>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string>? EventTypes, string? Description);
