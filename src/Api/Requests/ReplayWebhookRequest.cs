namespace Governance.Api.Requests;

/// <summary>Where to deliver again from: a feed cursor, or the feed's start when left out.</summary>
/// <param name="After">A feed cursor (a nextCursor of the feed): delivery starts with the event after it; null or left out for the feed's start.</param>
public sealed record ReplayWebhookRequest(string? After);
