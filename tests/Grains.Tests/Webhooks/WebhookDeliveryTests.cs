using System.Diagnostics;
using System.Net;
using System.Text;
using Governance.Contracts.Feed;
using Governance.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Grains.Tests.Webhooks;

/// <summary>Webhooks sent for real through <see cref="WebhookHttpHandler"/> to a server on the loopback interface.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"specversion":"1.0","id":"e1","type":"member.joined"}""");
    private static readonly string Secret = WebhookSecret.Generate();
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Loopback_is_refused_when_it_is_not_allow_listed()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.NoContent);
        using var http = Client(new FakeDns());

        var refusal = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(receiver.Url(), new ByteArrayContent(Body)));

        var reason = Assert.IsType<WebhookAddressRefusedException>(refusal.InnerException);
        Assert.Equal([IPAddress.Loopback], reason.Addresses);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Loopback_over_https_is_refused_before_any_handshake()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.NoContent);

        var outcome = await Deliver(new Uri($"https://127.0.0.1:{receiver.Port}/hook"), new FakeDns());

        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Contains("Webhooks may not reach 127.0.0.1: private, loopback or otherwise reserved", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task With_loopback_allow_listed_a_signed_webhook_arrives()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.NoContent);

        var outcome = await Deliver(receiver.Url(), new FakeDns(), "127.0.0.0/8");

        Assert.Equal(new DeliveryOutcome(DeliveryStatus.Delivered, 204, null, null), outcome);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(Body, request.Body);
        Assert.Equal("application/cloudevents+json; charset=utf-8", request.Headers["content-type"]);
        Assert.Equal("msg_1", request.Headers["webhook-id"]);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(), request.Headers["webhook-timestamp"]);
        Assert.True(WebhookSignature.Verify(Secret, request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"], request.Body, Now));
    }

    [Fact]
    public async Task A_redirect_is_a_failure_and_is_not_followed()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((context, _) =>
        {
            context.Response.Redirect($"http://127.0.0.1:{context.Connection.LocalPort}/elsewhere");
            return Task.CompletedTask;
        });

        var outcome = await Deliver(receiver.Url(), new FakeDns(), "127.0.0.0/8");

        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Equal(302, outcome.StatusCode);
        Assert.Equal("/hook", Assert.Single(receiver.Requests).Path);
    }

    [Fact]
    public async Task A_slow_receiver_runs_into_the_configured_timeout()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((_, stopping) => Task.Delay(TimeSpan.FromSeconds(30), stopping));
        using var services = WebhookOptionsTests.Services(new()
        {
            ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Webhooks:Timeout"] = "00:00:00.300",
        });
        var client = services.GetRequiredService<WebhookClient>();
        var clock = Stopwatch.StartNew();

        var outcome = await client.DeliverAsync(receiver.Url(), "msg_1", Body, [Secret], CancellationToken.None);

        Assert.Equal(new DeliveryOutcome(DeliveryStatus.Failed, null, "The receiver did not answer in time", null), outcome);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task A_cancelled_delivery_throws_rather_than_reporting_an_outcome()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((_, stopping) => Task.Delay(TimeSpan.FromSeconds(30), stopping));
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var client = new WebhookClient(Client(new FakeDns(), "127.0.0.0/8"), new FakeTimeProvider(Now));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.DeliverAsync(receiver.Url(), "msg_1", Body, [Secret], cancelled.Token));
    }

    [Fact]
    public async Task Events_go_out_in_order_and_the_first_one_refused_stops_the_rest()
    {
        await using var receiver = await LoopbackReceiver.StartAsync((context, _) =>
        {
            context.Response.StatusCode = context.Request.Headers["webhook-id"] == "e3" ? 500 : 200;
            return Task.CompletedTask;
        });
        using var http = Client(new FakeDns(), "127.0.0.0/8");

        var attempts = await new WebhookClient(http, new FakeTimeProvider(Now))
            .DeliverInOrderAsync(receiver.Url(), Entries("e1", "e2", "e3", "e4"), 4, [Secret], CancellationToken.None);

        Assert.Equal(["e1", "e2", "e3"], receiver.Requests.Select(request => request.Headers["webhook-id"]));
        Assert.Equal(["e1", "e2", "e3"], attempts.Select(attempt => attempt.Entry.Id));
        Assert.Equal([4, 1, 1], attempts.Select(attempt => attempt.Number));
        Assert.Equal([DeliveryStatus.Delivered, DeliveryStatus.Delivered, DeliveryStatus.Failed], attempts.Select(attempt => attempt.Outcome.Status));
        Assert.Equal(Encoding.UTF8.GetBytes(Entries("e2")[0].Event), receiver.Requests.ElementAt(1).Body);
    }

    [Fact]
    public async Task Cancelling_a_run_stops_it_before_the_next_event_and_leaves_the_unanswered_one_unrecorded()
    {
        using var stop = new CancellationTokenSource();
        await using var receiver = await LoopbackReceiver.StartAsync(async (context, stopping) =>
        {
            if (context.Request.Headers["webhook-id"] == "e2")
            {
                await stop.CancelAsync();
                await Task.Delay(TimeSpan.FromSeconds(30), stopping);
            }
        });
        using var http = Client(new FakeDns(), "127.0.0.0/8");

        var attempts = await new WebhookClient(http, new FakeTimeProvider(Now))
            .DeliverInOrderAsync(receiver.Url(), Entries("e1", "e2", "e3"), 1, [Secret], stop.Token);

        Assert.Equal(["e1"], attempts.Select(attempt => attempt.Entry.Id));
        Assert.Equal(["e1", "e2"], receiver.Requests.Select(request => request.Headers["webhook-id"]));
    }

    [Fact]
    public async Task A_host_name_connects_to_the_address_resolved_for_it_and_keeps_its_name()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.OK);
        var dns = new FakeDns().Add("receiver.test", "127.0.0.1");

        var outcome = await Deliver(receiver.Url(host: "receiver.test"), dns, "127.0.0.0/8");

        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
        Assert.Equal($"receiver.test:{receiver.Port}", Assert.Single(receiver.Requests).Headers["host"]);
        Assert.Equal(["receiver.test"], dns.Asked);
    }

    [Fact]
    public async Task A_name_that_turns_to_loopback_after_registration_is_refused_at_connect()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.OK);
        var answers = new Queue<IPAddress[]>([[IPAddress.Parse("93.184.215.14")], [IPAddress.Loopback]]);
        var dns = new FakeDns().Add("rebinding.test", answers.Dequeue);
        var url = new Uri($"https://rebinding.test:{receiver.Port}/hook");

        var registration = await new WebhookUrlValidator(new WebhookAddressPolicy([]), dns.Resolver).CheckAsync(url.ToString(), CancellationToken.None);
        var outcome = await Deliver(url, dns);

        Assert.True(registration.IsValid, registration.Message);
        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Contains("Webhooks may not reach 'rebinding.test' (127.0.0.1)", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task An_IPv4_mapped_loopback_literal_is_judged_and_reached_as_loopback()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.OK);
        var mapped = receiver.Url(host: "[::ffff:127.0.0.1]");

        var refused = await Deliver(mapped, new FakeDns());
        var delivered = await Deliver(mapped, new FakeDns(), "127.0.0.0/8");

        Assert.Equal(DeliveryStatus.Failed, refused.Status);
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task The_unspecified_address_stays_refused_when_loopback_is_allow_listed()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.OK);

        var outcome = await Deliver(receiver.Url(host: "0.0.0.0"), new FakeDns(), "127.0.0.0/8");

        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_receiver_that_is_gone_disables_the_endpoint()
    {
        await using var receiver = await LoopbackReceiver.Answering(HttpStatusCode.Gone);

        var outcome = await Deliver(receiver.Url(), new FakeDns(), "127.0.0.0/8");

        Assert.Equal(DeliveryStatus.EndpointGone, outcome.Status);
    }

    [Fact]
    public async Task A_host_that_does_not_resolve_fails_saying_so()
    {
        var outcome = await Deliver(new Uri("https://nowhere.test/hook"), new FakeDns());

        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.StartsWith("The host name did not resolve", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_fails_with_the_connection_error()
    {
        var outcome = await Deliver(new Uri($"http://127.0.0.1:{Governance.TestServices.FreePort.Next()}/hook"), new FakeDns(), "127.0.0.0/8");

        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Contains("refused", outcome.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_handler_follows_no_redirect_and_uses_no_proxy_or_cookies()
    {
        using var handler = WebhookHttpHandler.Create(new WebhookAddressPolicy([]), new FakeDns().Resolver, TimeSpan.FromSeconds(15));

        Assert.False(handler.AllowAutoRedirect);
        Assert.False(handler.UseProxy);
        Assert.False(handler.UseCookies);
        Assert.Equal(WebhookHttpHandler.MaxConnectTimeout, handler.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), WebhookHttpHandler.Create(new WebhookAddressPolicy([]), new FakeDns().Resolver, TimeSpan.FromSeconds(2)).ConnectTimeout);
    }

    private static List<FeedEntry> Entries(params string[] ids) =>
        [.. ids.Select((id, index) => new FeedEntry($"{index + 1}", $$"""{"specversion":"1.0","id":"{{id}}","type":"member.joined"}""", id, "member.joined"))];

    private static HttpClient Client(FakeDns dns, params string[] allowedNetworks)
    {
        var policy = WebhookAddressPolicy.FromOptions(new WebhookOptions { AllowedNetworks = [.. allowedNetworks] });
        return new HttpClient(WebhookHttpHandler.Create(policy, dns.Resolver, TimeSpan.FromSeconds(10))) { Timeout = TimeSpan.FromSeconds(10) };
    }

    private static async Task<DeliveryOutcome> Deliver(Uri url, FakeDns dns, params string[] allowedNetworks)
    {
        using var http = Client(dns, allowedNetworks);
        return await new WebhookClient(http, new FakeTimeProvider(Now)).DeliverAsync(url, "msg_1", Body, [Secret], CancellationToken.None);
    }
}
