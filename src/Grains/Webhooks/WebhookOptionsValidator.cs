using Microsoft.Extensions.Options;

namespace Governance.Grains.Webhooks;

/// <summary>Refuses webhook options that would fail later or quietly do something else, naming every problem at once.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var problems = new List<string>();
        foreach (var text in options.AllowedNetworks)
        {
            if (!WebhookNetworks.TryParse(text, out _, out var problem))
            {
                problems.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.AllowedNetworks)}: {problem}");
            }
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.Timeout)} must be positive; it is {options.Timeout}.");
        }

        if (options.DisableAfter <= TimeSpan.Zero)
        {
            problems.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.DisableAfter)} must be positive; it is {options.DisableAfter}.");
        }

        for (var i = 0; i < options.RetrySchedule.Count; i++)
        {
            if (options.RetrySchedule[i] < TimeSpan.Zero)
            {
                problems.Add($"{WebhookOptions.Section}:{nameof(WebhookOptions.RetrySchedule)}:{i} must not be negative; it is {options.RetrySchedule[i]}.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
