using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    public const string UserAgent = "Governance-Webhooks/1.0";

    /// <summary>
    /// Registers webhook delivery: <see cref="WebhookOptions"/> from the "Webhooks" section, checked at start; the
    /// address policy, the URL validator and the retry schedule they imply; and <see cref="WebhookClient"/> as a typed
    /// HttpClient over <see cref="WebhookHttpHandler"/>, timing out per the options.
    /// </summary>
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new WebhookHostResolver(Dns.GetHostAddressesAsync));
        services.TryAddSingleton(provider => WebhookAddressPolicy.FromOptions(Options(provider)));
        services.TryAddSingleton<WebhookUrlValidator>();
        services.TryAddSingleton(provider => new RetrySchedule(Options(provider).EffectiveRetrySchedule()));
        services.AddHttpClient<WebhookClient>((provider, client) =>
            {
                client.Timeout = Options(provider).Timeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(provider => WebhookHttpHandler.Create(
                provider.GetRequiredService<WebhookAddressPolicy>(),
                provider.GetRequiredService<WebhookHostResolver>(),
                Options(provider).Timeout))
            // Webhook URLs often carry the receiver's credentials in their path, and request logs would keep them.
            .RemoveAllLoggers();
        return services;
    }

    private static WebhookOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
}
