using System.Net;
using Governance.Grains.Webhooks;

namespace Governance.Grains.Tests.Webhooks;

public sealed class WebhookAddressPolicyTests
{
    private static readonly WebhookAddressPolicy Default = new([]);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("169.254.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("168.63.129.16")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("192.0.2.1")]
    [InlineData("192.0.0.192")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fe80::1")]
    [InlineData("fe80::1%2")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2001::1")]
    [InlineData("100::1")]
    public void Reserved_addresses_are_refused(string address)
    {
        Assert.Equal(WebhookAddressVerdict.Refused, Default.Judge(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:0.0.0.0")]
    [InlineData("::127.0.0.1")]
    [InlineData("::10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("2002:7f00:1::1")]
    [InlineData("2002:a9fe:a9fe::")]
    public void IPv6_forms_of_reserved_IPv4_addresses_are_refused(string address)
    {
        Assert.Equal(WebhookAddressVerdict.Refused, Default.Judge(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("2a00:1450:4001::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.Equal(WebhookAddressVerdict.Public, Default.Judge(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.0/8", "127.0.0.1", WebhookAddressVerdict.AllowListed)]
    [InlineData("127.0.0.0/8", "::ffff:127.0.0.1", WebhookAddressVerdict.AllowListed)]
    [InlineData("127.0.0.0/8", "::1", WebhookAddressVerdict.Refused)]
    [InlineData("127.0.0.0/8", "0.0.0.0", WebhookAddressVerdict.Refused)]
    [InlineData("::1", "::1", WebhookAddressVerdict.AllowListed)]
    [InlineData("10.20.0.0/16", "10.20.3.4", WebhookAddressVerdict.AllowListed)]
    [InlineData("10.20.0.0/16", "10.21.0.1", WebhookAddressVerdict.Refused)]
    [InlineData("10.20.0.0/16", "192.168.0.1", WebhookAddressVerdict.Refused)]
    [InlineData("fd00::/8", "fd12::1", WebhookAddressVerdict.AllowListed)]
    [InlineData("8.8.8.0/24", "8.8.8.8", WebhookAddressVerdict.AllowListed)]
    [InlineData("8.8.8.0/24", "8.8.4.4", WebhookAddressVerdict.Public)]
    public void An_allow_listed_network_admits_what_it_contains_and_nothing_else(string network, string address, WebhookAddressVerdict expected)
    {
        var policy = new WebhookAddressPolicy([Network(network)]);

        Assert.Equal(expected, policy.Judge(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("169.254.0.0/16", "169.254.169.254")]
    [InlineData("fc00::/7", "fd00:ec2::254")]
    [InlineData("100.64.0.0/10", "100.100.100.200")]
    [InlineData("0.0.0.0/0", "169.254.169.254")]
    [InlineData("0.0.0.0/0", "::ffff:169.254.169.254")]
    public void Cloud_metadata_stays_refused_inside_a_broader_allowed_network(string network, string metadata)
    {
        var policy = new WebhookAddressPolicy([Network(network)]);

        Assert.Equal(WebhookAddressVerdict.Refused, policy.Judge(IPAddress.Parse(metadata)));
    }

    [Fact]
    public void Cloud_metadata_is_reachable_when_the_allow_list_names_it()
    {
        var policy = new WebhookAddressPolicy([Network("169.254.169.254")]);

        Assert.Equal(WebhookAddressVerdict.AllowListed, policy.Judge(IPAddress.Parse("169.254.169.254")));
        Assert.Equal(WebhookAddressVerdict.Refused, policy.Judge(IPAddress.Parse("169.254.169.253")));
    }

    [Theory]
    [InlineData("8.8.8.8", false, true)]
    [InlineData("8.8.8.8", true, false)]
    [InlineData("10.0.0.1", false, true)]
    [InlineData("10.0.0.1", true, true)]
    [InlineData("192.168.0.1", false, false)]
    [InlineData("192.168.0.1", true, false)]
    public void Plain_http_needs_an_allow_listed_address_and_https_any_but_a_refused_one(string address, bool plainHttp, bool allowed)
    {
        var policy = new WebhookAddressPolicy([Network("10.0.0.0/8")]);

        Assert.Equal(allowed, policy.Allows(IPAddress.Parse(address), plainHttp));
    }

    [Fact]
    public void The_policy_reads_its_networks_from_the_options()
    {
        var policy = WebhookAddressPolicy.FromOptions(new WebhookOptions { AllowedNetworks = ["10.0.0.0/8", "fd00::1"] });

        Assert.Equal([Network("10.0.0.0/8"), Network("fd00::1/128")], policy.AllowedNetworks);
    }

    private static IPNetwork Network(string text) =>
        WebhookNetworks.TryParse(text, out var network, out var problem) ? network : throw new ArgumentException(problem);
}
