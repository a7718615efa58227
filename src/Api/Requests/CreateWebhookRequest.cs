namespace Governance.Api.Requests;

/// <summary>A webhook endpoint: its https URL, the event types it receives (every type when left out), and a note for its admins.</summary>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string>? EventTypes, string? Description);
