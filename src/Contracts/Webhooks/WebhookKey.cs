namespace Governance.Contracts.Webhooks;

/// <summary>Webhook grains are keyed "{cooperativeId}/{webhookId}"; ids never contain '/'.</summary>
public static class WebhookKey
{
    public static string Of(string cooperativeId, string webhookId) => $"{cooperativeId}/{webhookId}";

    public static (string CooperativeId, string WebhookId) Parse(string key)
    {
        var separator = key.IndexOf('/', StringComparison.Ordinal);
        return separator < 0
            ? throw new ArgumentException($"'{key}' is not a webhook key.", nameof(key))
            : (key[..separator], key[(separator + 1)..]);
    }
}
