using System.Net;
using System.Net.Sockets;
using Governance.Grains.Webhooks;

namespace Governance.Grains.Tests.Webhooks;

/// <summary>
/// Which endpoints the handler dials, recorded instead of dialled where they lie off this machine, so the checks on
/// public addresses run without any traffic leaving the loopback interface.
/// </summary>
public sealed class WebhookConnectTests
{
    private readonly List<IPEndPoint> _dialled = [];

    [Fact]
    public async Task Plain_http_to_a_public_address_is_refused_before_dialling()
    {
        using var http = Client(new FakeDns().Add("public.test", "93.184.215.14"));

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("http://public.test/hook"));

        Assert.IsType<WebhookAddressRefusedException>(refusal.InnerException);
        Assert.Contains("Plain http", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(_dialled);
    }

    [Fact]
    public async Task Https_to_a_public_address_dials_that_address()
    {
        using var http = Client(new FakeDns().Add("public.test", "93.184.215.14"));

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("https://public.test/hook"));

        Assert.Equal([new IPEndPoint(IPAddress.Parse("93.184.215.14"), 443)], _dialled);
    }

    [Fact]
    public async Task Only_permitted_addresses_are_dialled_in_the_order_they_resolved()
    {
        var dns = new FakeDns().Add("receiver.test", "10.0.0.1", "8.8.8.8", "::1", "127.0.0.1", "169.254.169.254", "2606:4700::1111");
        using var http = Client(dns, "127.0.0.0/8");

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("https://receiver.test:8443/hook"));

        Assert.Equal(
            [IPEndPoint.Parse("8.8.8.8:8443"), IPEndPoint.Parse("127.0.0.1:8443"), IPEndPoint.Parse("[2606:4700::1111]:8443")],
            _dialled);
    }

    [Fact]
    public async Task When_one_address_refuses_the_next_permitted_one_carries_the_request()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.OK);
        using var http = Client(new FakeDns().Add("receiver.test", "8.8.8.8", "127.0.0.1"), "8.8.8.8", "127.0.0.0/8");

        using var response = await http.GetAsync(receiver.Url(host: "receiver.test"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([IPEndPoint.Parse($"8.8.8.8:{receiver.Port}"), IPEndPoint.Parse($"127.0.0.1:{receiver.Port}")], _dialled);
        Assert.Single(receiver.Requests);
    }

    private HttpClient Client(FakeDns dns, params string[] allowedNetworks)
    {
        var policy = WebhookAddressPolicy.FromOptions(new WebhookOptions { AllowedNetworks = [.. allowedNetworks] });
        return new HttpClient(WebhookHttpHandler.Create(policy, dns.Resolver, TimeSpan.FromSeconds(10), DialLoopbackOnly));
    }

    private async ValueTask<Stream> DialLoopbackOnly(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        _dialled.Add(endpoint);
        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            throw new SocketException((int)SocketError.ConnectionRefused);
        }

        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
