using Governance.Grains.Webhooks;

namespace Governance.Grains.Tests.Webhooks;

public sealed class WebhookUrlValidatorTests
{
    private static readonly FakeDns Dns = new FakeDns()
        .Add("hooks.example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")
        .Add("localhost", "127.0.0.1", "::1")
        .Add("internal.test", "10.0.0.5")
        .Add("mixed.test", "93.184.215.14", "10.0.0.1")
        .Add("metadata.test", "169.254.169.254");

    [Theory]
    [InlineData("https://hooks.example.com/coop/events")]
    [InlineData("https://hooks.example.com:8443/x?token=abc")]
    [InlineData("https://not-yet-in-dns.example/")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://[2606:4700::1111]/hook")]
    [InlineData("HTTPS://HOOKS.EXAMPLE.COM/")]
    public async Task Public_https_urls_are_accepted(string url)
    {
        var check = await Check(url);

        Assert.True(check.IsValid, check.Message);
        Assert.Equal(new Uri(url), check.Url);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://internal.test/hook")]
    [InlineData("https://internal.test/hook")]
    public async Task Plain_http_and_reserved_addresses_are_accepted_inside_the_allow_list(string url)
    {
        var check = await Check(url, "127.0.0.0/8", "::1", "10.0.0.0/8");

        Assert.True(check.IsValid, check.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hooks.example.com/events")]
    [InlineData("/events")]
    [InlineData("ftp://hooks.example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:secret@hooks.example.com/")]
    [InlineData("https://user@hooks.example.com/")]
    [InlineData("https://hooks.example.com:99999/")]
    public async Task Malformed_urls_are_invalid(string? url)
    {
        var check = await Check(url);

        Assert.False(check.IsValid);
        Assert.Equal(WebhookUrlCheck.UrlInvalid, check.ErrorCode);
        Assert.Null(check.Url);
        Assert.False(string.IsNullOrWhiteSpace(check.Message));
    }

    [Fact]
    public async Task An_overlong_url_is_invalid()
    {
        var url = "https://hooks.example.com/" + new string('a', WebhookUrlValidator.MaxLength);

        Assert.Equal(WebhookUrlCheck.UrlInvalid, (await Check(url)).ErrorCode);
    }

    [Fact]
    public async Task A_host_name_longer_than_DNS_allows_is_invalid()
    {
        var host = string.Join('.', Enumerable.Repeat(new string('a', 60), 5));

        Assert.Equal(WebhookUrlCheck.UrlInvalid, (await Check($"https://{host}/hook")).ErrorCode);
    }

    [Theory]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://0x7f.1/hook")]
    [InlineData("https://2130706433/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::ffff:169.254.169.254]/latest/meta-data")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[fd00:ec2::254]/")]
    [InlineData("https://192.168.1.1/")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://internal.test/hook")]
    [InlineData("https://metadata.test/hook")]
    [InlineData("http://127.0.0.1/hook")]
    public async Task Urls_that_reach_reserved_addresses_are_refused(string url)
    {
        var check = await Check(url);

        Assert.Equal(WebhookUrlCheck.AddressNotAllowed, check.ErrorCode);
    }

    [Fact]
    public async Task A_host_resolving_to_one_reserved_address_among_public_ones_is_refused_and_named()
    {
        var check = await Check("https://mixed.test/hook");

        Assert.Equal(WebhookUrlCheck.AddressNotAllowed, check.ErrorCode);
        Assert.Contains("'mixed.test' (10.0.0.1)", check.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://8.8.8.8/hook")]
    [InlineData("http://hooks.example.com/hook")]
    [InlineData("http://not-yet-in-dns.example/hook")]
    public async Task Plain_http_outside_the_allow_list_is_refused(string url)
    {
        var check = await Check(url, "10.0.0.0/8");

        Assert.Equal(WebhookUrlCheck.HttpsRequired, check.ErrorCode);
        Assert.Contains("https", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_allow_list_keeps_cloud_metadata_out_unless_it_names_it()
    {
        Assert.Equal(WebhookUrlCheck.AddressNotAllowed, (await Check("https://169.254.169.254/", "169.254.0.0/16")).ErrorCode);
        Assert.True((await Check("https://169.254.169.254/", "169.254.169.254")).IsValid);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_taken_for_an_unresolvable_host()
    {
        var hanging = new WebhookUrlValidator(new WebhookAddressPolicy([]), async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return [];
        });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging.CheckAsync("https://slow.example/", cancelled.Token));
    }

    private static Task<WebhookUrlCheck> Check(string? url, params string[] allowedNetworks)
    {
        var policy = WebhookAddressPolicy.FromOptions(new WebhookOptions { AllowedNetworks = [.. allowedNetworks] });
        return new WebhookUrlValidator(policy, Dns.Resolver).CheckAsync(url, CancellationToken.None);
    }
}
