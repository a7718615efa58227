using Microsoft.Extensions.Logging;

namespace Governance.Grains.Webhooks;

internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Audit: webhook {WebhookId} of cooperative {CooperativeId} was disabled: {Reason}.")]
    public static partial void WebhookDisabled(this ILogger logger, string cooperativeId, string webhookId, string reason);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Audit: webhook {WebhookId} of cooperative {CooperativeId} was enabled.")]
    public static partial void WebhookEnabled(this ILogger logger, string cooperativeId, string webhookId);

    [LoggerMessage(EventId = 203, Level = LogLevel.Warning, Message = "Delivery to webhook {WebhookId} of cooperative {CooperativeId} stopped; its reminder starts it again.")]
    public static partial void WebhookDeliveryStopped(this ILogger logger, Exception exception, string cooperativeId, string webhookId);
}
