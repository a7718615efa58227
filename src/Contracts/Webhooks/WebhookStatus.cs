namespace Governance.Contracts.Webhooks;

public enum WebhookStatus
{
    Enabled,
    Disabled,
}
