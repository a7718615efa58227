namespace Governance.Grains.Webhooks;

/// <summary>The ids of a cooperative's webhook endpoints (grain storage). The property name is a stored format.</summary>
public sealed class WebhookRegistryState
{
    public List<string> Ids { get; set; } = [];
}
