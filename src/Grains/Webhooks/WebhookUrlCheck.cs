namespace Governance.Grains.Webhooks;

/// <summary>The answer to whether a webhook URL may be registered: the URL, or a stable error code and a message for people.</summary>
public sealed record WebhookUrlCheck
{
    /// <summary>Not an absolute http(s) URL, too long, or carrying a user name or password.</summary>
    public const string UrlInvalid = "webhook-url-invalid";

    /// <summary>Plain http to an address the operator has not allow-listed.</summary>
    public const string HttpsRequired = "webhook-url-https-required";

    /// <summary>The host is, or resolves to, an address webhooks may not reach.</summary>
    public const string AddressNotAllowed = "webhook-address-not-allowed";

    private WebhookUrlCheck(Uri? url, string? errorCode, string? message)
    {
        Url = url;
        ErrorCode = errorCode;
        Message = message;
    }

    /// <summary>The URL as parsed, when it may be registered.</summary>
    public Uri? Url { get; }

    public string? ErrorCode { get; }

    public string? Message { get; }

    public bool IsValid => ErrorCode is null;

    public static WebhookUrlCheck Valid(Uri url) => new(url, null, null);

    public static WebhookUrlCheck Refused(string errorCode, string message) => new(null, errorCode, message);
}
