using System.Net;
using Governance.Grains.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Grains.Tests.Webhooks;

public sealed class WebhookOptionsTests
{
    [Theory]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData(" 192.168.0.0/16 ", "192.168.0.0/16")]
    [InlineData("127.0.0.1", "127.0.0.1/32")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("fd00::/8", "fd00::/8")]
    [InlineData("::1", "::1/128")]
    public void A_network_reads_from_CIDR_or_a_single_address(string text, string expected)
    {
        Assert.True(WebhookNetworks.TryParse(text, out var network, out var problem), problem);
        Assert.Equal(IPNetwork.Parse(expected), network);
    }

    [Theory]
    [InlineData("10.0.0.1/8", "write 10.0.0.0/8")]
    [InlineData("fd00::1/8", "write fd00::/8")]
    [InlineData("10/8", "not a network")]
    [InlineData("127.1", "not a network")]
    [InlineData("10.0.0.0/33", "not a network")]
    [InlineData("fd00::/129", "not a network")]
    [InlineData("10.0.0.0/-1", "not a network")]
    [InlineData("localhost", "not a network")]
    [InlineData("", "not a network")]
    public void A_mistyped_network_is_refused_with_a_reason(string text, string reason)
    {
        Assert.False(WebhookNetworks.TryParse(text, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_follow_the_brief_and_pass_validation()
    {
        var options = new WebhookOptions();

        Assert.Empty(options.AllowedNetworks);
        Assert.Equal(TimeSpan.FromDays(5), options.DisableAfter);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)],
            options.EffectiveRetrySchedule());
        Assert.True(new WebhookOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validation_names_every_problem()
    {
        var options = new WebhookOptions
        {
            AllowedNetworks = ["10.0.0.0/8", "10.0.0.1/8", "banana"],
            Timeout = TimeSpan.Zero,
            DisableAfter = TimeSpan.FromDays(-1),
            RetrySchedule = [TimeSpan.Zero, TimeSpan.FromSeconds(-5)],
        };

        var result = new WebhookOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, failure => failure.Contains("Webhooks:AllowedNetworks: '10.0.0.1/8'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("'banana'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Webhooks:Timeout", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Webhooks:DisableAfter", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Webhooks:RetrySchedule:1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_schedule_replaces_the_default_rather_than_extending_it()
    {
        using var services = Services(new()
        {
            ["Webhooks:RetrySchedule:0"] = "00:00:00",
            ["Webhooks:RetrySchedule:1"] = "00:00:01",
        });

        var schedule = services.GetRequiredService<RetrySchedule>();

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1)], schedule.Intervals);
    }

    [Fact]
    public void A_bad_network_in_configuration_fails_when_the_options_are_first_read()
    {
        using var services = Services(new() { ["Webhooks:AllowedNetworks:0"] = "10.0.0.1/8" });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Contains("write 10.0.0.0/8", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_networks_reach_the_policy()
    {
        using var services = Services(new() { ["Webhooks:AllowedNetworks:0"] = "10.0.0.0/8" });

        var policy = services.GetRequiredService<WebhookAddressPolicy>();

        Assert.Equal(WebhookAddressVerdict.AllowListed, policy.Judge(IPAddress.Parse("10.1.1.1")));
    }

    internal static ServiceProvider Services(Dictionary<string, string?> settings, WebhookHostResolver? resolve = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (resolve is not null)
        {
            services.AddSingleton(resolve);
        }

        return services.AddWebhookDelivery(configuration).BuildServiceProvider();
    }
}
