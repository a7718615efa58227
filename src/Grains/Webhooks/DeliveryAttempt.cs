using Governance.Contracts.Feed;

namespace Governance.Grains.Webhooks;

/// <summary>One attempt at one event of a page, as the endpoint records it.</summary>
public sealed record DeliveryAttempt(FeedEntry Entry, int Number, DateTimeOffset At, long DurationMs, DeliveryOutcome Outcome);
