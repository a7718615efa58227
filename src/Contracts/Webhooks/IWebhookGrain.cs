using Governance.Contracts.Paging;
using Orleans.Concurrency;

namespace Governance.Contracts.Webhooks;

/// <summary>
/// One webhook endpoint (key: <see cref="WebhookKey"/>): its settings, signing secrets and delivery cursor into the
/// cooperative's feed. It delivers the feed's events in order, at least once, signed per Standard Webhooks.
/// </summary>
[Alias("Governance.IWebhookGrain")]
public interface IWebhookGrain : IGrainWithStringKey
{
    Task<CreatedWebhook> Create(CreateWebhookCommand command);

    Task<WebhookView> Get();

    /// <summary>Stops delivery for good; the endpoint is gone from then on.</summary>
    Task Delete();

    /// <summary>A new secret; the old one keeps signing beside it for the overlap the options set.</summary>
    Task<CreatedWebhook> RotateSecret();

    /// <summary>Enables a disabled endpoint; delivery resumes where it stopped.</summary>
    Task<WebhookView> Enable();

    /// <summary>Delivers again from the feed cursor <paramref name="after"/> (the feed's start when null).</summary>
    Task<WebhookView> Replay(string? after);

    Task<Page<WebhookDeliveryView>> ListDeliveries(string? cursor, int limit);

    /// <summary>The feed has new events; delivery starts unless it is already running.</summary>
    [OneWay]
    Task Wake();
}
