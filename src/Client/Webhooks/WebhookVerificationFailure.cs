namespace Governance.Client;

/// <summary>Why a webhook delivery failed verification.</summary>
public enum WebhookVerificationFailure
{
    /// <summary>webhook-id, webhook-timestamp or webhook-signature is missing, empty or given more than once.</summary>
    MissingHeader = 1,

    /// <summary>webhook-timestamp is not Unix seconds.</summary>
    MalformedTimestamp = 2,

    /// <summary>webhook-timestamp lies further from now than the tolerance: a replay of an old delivery, or a clock that is off.</summary>
    TimestampOutOfTolerance = 3,

    /// <summary>No v1 signature in webhook-signature matches the body under the secret: not sent by the API, altered, or signed with another secret.</summary>
    NoMatchingSignature = 4,
}
