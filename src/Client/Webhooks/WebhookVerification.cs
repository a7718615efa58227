namespace Governance.Client;

/// <summary>The outcome of checking a webhook delivery: valid, or the failure and a sentence saying why.</summary>
public sealed record WebhookVerification
{
    private WebhookVerification(WebhookVerificationFailure? failure, string reason)
    {
        Failure = failure;
        Reason = reason;
    }

    /// <summary>The delivery is genuine.</summary>
    public static WebhookVerification Valid { get; } = new(null, "A signature matches and the timestamp is within the tolerance.");

    /// <summary>True when the delivery came from the API unaltered and recently.</summary>
    public bool IsValid => Failure is null;

    /// <summary>What failed; null when valid.</summary>
    public WebhookVerificationFailure? Failure { get; }

    /// <summary>Why, for a log line; it never repeats the secret.</summary>
    public string Reason { get; }

    /// <summary>The delivery is not to be trusted, for <paramref name="reason"/>.</summary>
    public static WebhookVerification Failed(WebhookVerificationFailure failure, string reason) => new(failure, reason);
}
