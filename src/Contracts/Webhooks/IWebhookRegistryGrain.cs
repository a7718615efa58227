using Orleans.Concurrency;

namespace Governance.Contracts.Webhooks;

/// <summary>The webhook endpoints of one cooperative (key: the cooperative id), which the feed wakes when it grows.</summary>
[Alias("Governance.IWebhookRegistryGrain")]
public interface IWebhookRegistryGrain : IGrainWithStringKey
{
    /// <summary>Registers a new endpoint, within the cooperative's limit.</summary>
    Task<CreatedWebhook> Create(CreateWebhookCommand command);

    Task<IReadOnlyList<WebhookView>> List();

    Task Remove(string webhookId);

    /// <summary>The cooperative's feed has new events; every endpoint is woken.</summary>
    [OneWay]
    Task FeedAdvanced();
}
