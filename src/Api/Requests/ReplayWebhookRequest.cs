namespace Governance.Api.Requests;

/// <summary>Where to deliver again from: a feed cursor, or the feed's start when left out.</summary>
public sealed record ReplayWebhookRequest(string? After);
