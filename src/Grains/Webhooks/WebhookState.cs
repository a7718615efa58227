using Governance.Contracts.Webhooks;

namespace Governance.Grains.Webhooks;

/// <summary>
/// An endpoint's whole state, rewritten on each change (grain storage, not a log). Its JSON property names are a
/// stored format: keep them. Its methods decide what one delivery attempt means for the endpoint.
/// </summary>
public sealed class WebhookState
{
    /// <summary>Attempts kept for the deliveries list; older ones drop out.</summary>
    public const int MaxDeliveriesKept = 200;

    public string Url { get; set; } = "";

    public List<string>? EventTypes { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public string Secret { get; set; } = "";

    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    public string? DisabledReason { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The feed cursor after the last event delivered, or after which delivery starts; null for the feed's start.</summary>
    public string? Cursor { get; set; }

    public string? LastDeliveredEventId { get; set; }

    public string? PendingEventId { get; set; }

    public int PendingAttempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? FailingSince { get; set; }

    public long DeliverySequence { get; set; }

    public List<WebhookDeliveryView> Deliveries { get; set; } = [];

    public bool Enabled => DisabledReason is null;

    /// <summary>The secrets that sign now: the current one, and the previous one while its overlap lasts.</summary>
    public IReadOnlyCollection<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [Secret, previous] : [Secret];

    /// <summary>The attempt number the next try at <paramref name="eventId"/> is.</summary>
    public int AttemptAt(string eventId) => PendingEventId == eventId ? PendingAttempts + 1 : 1;

    public void Record(WebhookDeliveryView delivery)
    {
        Deliveries.Add(delivery with { Sequence = ++DeliverySequence });
        if (Deliveries.Count > MaxDeliveriesKept)
        {
            Deliveries.RemoveRange(0, Deliveries.Count - MaxDeliveriesKept);
        }
    }

    public void Delivered(string eventId, string cursor)
    {
        Cursor = cursor;
        LastDeliveredEventId = eventId;
        ClearPending();
    }

    /// <summary>
    /// A failed attempt: the event waits for its next attempt, unless the endpoint has failed for longer than
    /// <paramref name="disableAfter"/>, which disables it. Returns whether it did.
    /// </summary>
    public bool Failed(string eventId, int attempt, TimeSpan nextDelay, TimeSpan disableAfter, DateTimeOffset now)
    {
        PendingEventId = eventId;
        PendingAttempts = attempt;
        FailingSince ??= now;
        NextAttemptAt = now + nextDelay;
        if (now - FailingSince.Value < disableAfter)
        {
            return false;
        }

        Disable($"failing: every delivery failed for {disableAfter.TotalDays:0.##} days", now);
        return true;
    }

    public void Disable(string reason, DateTimeOffset now)
    {
        DisabledReason = reason;
        DisabledAt = now;
    }

    /// <summary>Enabled again: the waiting event is tried at once, and the failing time starts anew.</summary>
    public void Enable()
    {
        DisabledReason = null;
        DisabledAt = null;
        NextAttemptAt = null;
        FailingSince = null;
        PendingAttempts = 0;
    }

    public void ReplayFrom(string? cursor)
    {
        Cursor = cursor;
        ClearPending();
    }

    private void ClearPending()
    {
        PendingEventId = null;
        PendingAttempts = 0;
        NextAttemptAt = null;
        FailingSince = null;
    }
}
