using Governance.Api.Tests.Feed;

namespace Governance.Api.Tests.Webhooks;

/// <summary>Webhooks as a receiver on loopback (allow-listed in the test settings) sees them.</summary>
[Collection(ClockCollection.Name)]
public sealed class WebhookTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] BallotsOnly = ["ballot.cast"];
    private static readonly string[] UnknownType = ["vote.cast"];

    [Fact]
    public async Task Every_catalog_type_arrives_signed_also_while_a_rotated_secret_overlaps()
    {
        await using var receiver = await WebhookReceiver.Start();
        var cooperative = await Api.CreateCooperative(members: ["ann"]);
        var (webhook, secret) = await Register(cooperative, receiver.Url);

        var scenario = await CatalogScenario.Run(Api, Factory, cooperative);

        // Every event of the scenario but ann's founding join, which came before the webhook.
        var firstHalf = await receiver.WaitUntil(received => received.Select(item => item.Id).Distinct().Count() >= scenario.ExpectedCount - 1);
        var rotated = await Expect.Ok(await Api.Post(WebhookRoutes.Rotate(cooperative, webhook)));
        var newSecret = rotated.GetProperty("secret").GetString()!;
        await Api.AddMembers(cooperative, "zoe");
        var all = await receiver.WaitUntil(received => received.Any(item => item.Event.TryGetProperty("subject", out var subject) && subject.GetString() == "zoe"));

        Assert.All(firstHalf, item => Assert.True(item.SignedWith(secret)));
        var afterRotation = all.Last();
        Assert.True(afterRotation.SignedWith(newSecret));
        Assert.True(afterRotation.SignedWith(secret));
        Assert.Equal(2, afterRotation.Signature.Split(' ').Length);
        Assert.Equal(FeedCatalog.Types.Order(), all.Select(item => item.Event.GetProperty("type").GetString()!).Distinct().Order());
        Assert.All(all, item => Assert.Equal(item.Event.GetProperty("id").GetString(), item.Id));
        Assert.NotEqual(newSecret, secret);
        Assert.StartsWith("whsec_", newSecret);
    }

    [Fact]
    public async Task A_receiver_that_fails_first_gets_the_same_webhook_id_again_and_repeats_are_told_by_it()
    {
        var answers = 0;
        await using var receiver = await WebhookReceiver.Start(_ => Interlocked.Increment(ref answers) == 1 ? 500 : 200);
        var cooperative = await Api.CreateCooperative();
        var (webhook, _) = await Register(cooperative, receiver.Url);
        await Api.AddMembers(cooperative, "ben");

        var received = await receiver.WaitUntil(items => items.Count >= 2);

        Assert.Equal(received[0].Id, received[1].Id);
        Assert.Equal(received[0].Body, received[1].Body);
        var deliveries = (await Api.GetJson(WebhookRoutes.Deliveries(cooperative, webhook))).GetProperty("items");
        Assert.Equal(["delivered", "failed"], Expect.IdsOf(deliveries, "outcome"));
        Assert.Equal([200, 500], deliveries.EnumerateArray().Select(item => item.GetProperty("statusCode").GetInt32()));
        Assert.Equal([2, 1], deliveries.EnumerateArray().Select(item => item.GetProperty("attempt").GetInt32()));
        var view = await Api.GetJson(WebhookRoutes.Webhook(cooperative, webhook));
        Assert.Equal(received[0].Id, view.GetProperty("progress").GetProperty("lastDeliveredEventId").GetString());
    }

    [Fact]
    public async Task A_410_disables_the_endpoint_until_an_admin_enables_it_and_delivery_resumes_where_it_stopped()
    {
        var gone = true;
        await using var receiver = await WebhookReceiver.Start(_ => Volatile.Read(ref gone) ? 410 : 200);
        var cooperative = await Api.CreateCooperative();
        var (webhook, _) = await Register(cooperative, receiver.Url);
        await Api.AddMembers(cooperative, "amy");
        await receiver.WaitUntil(items => items.Count >= 1);
        await Api.AddMembers(cooperative, "ben");

        var disabled = await WaitForStatus(cooperative, webhook, "disabled");
        Assert.StartsWith("gone", disabled.GetProperty("disabledReason").GetString());
        Assert.Equal("disabled", disabled.GetProperty("lastDelivery").GetProperty("outcome").GetString());
        await Task.Delay(300);
        Assert.Single(receiver.Received);

        Volatile.Write(ref gone, false);
        await Expect.Ok(await Api.Post(WebhookRoutes.Enable(cooperative, webhook)));
        var resumed = await receiver.WaitUntil(items => items.Count >= 3);
        Assert.Equal(resumed[0].Id, resumed[1].Id);
        Assert.Equal("ben", resumed[2].Event.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task An_endpoint_failing_for_longer_than_the_disable_period_is_disabled()
    {
        await using var receiver = await WebhookReceiver.Start(_ => 500);
        var cooperative = await Api.CreateCooperative();
        var (webhook, _) = await Register(cooperative, receiver.Url);
        await Api.AddMembers(cooperative, "ben");
        await receiver.WaitUntil(items => items.Count >= 1);

        Factory.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromMinutes(1));

        var disabled = await WaitForStatus(cooperative, webhook, "disabled");
        Assert.StartsWith("failing", disabled.GetProperty("disabledReason").GetString());
    }

    [Fact]
    public async Task A_new_webhook_gets_the_events_from_its_creation_on_and_a_replay_sends_them_again_from_a_cursor()
    {
        await using var receiver = await WebhookReceiver.Start();
        var cooperative = await Api.CreateCooperative(members: ["ann", "ben", "cat"]);
        var (webhook, _) = await Register(cooperative, receiver.Url);
        await Api.AddMembers(cooperative, "dan");
        var first = await receiver.WaitUntil(items => items.Count >= 1);
        var (feed, _) = await FeedReading.ReadAll(Api, cooperative);

        await Expect.Ok(await Api.Post(WebhookRoutes.Replay(cooperative, webhook), new { after = "1" }));

        var again = await receiver.WaitUntil(items => items.Count >= feed.Count);
        Assert.Equal("dan", first[0].Event.GetProperty("subject").GetString());
        Assert.Equal(feed[^1].GetProperty("id").GetString(), first[0].Id);
        Assert.Equal(feed.Skip(1).Select(item => item.GetProperty("id").GetString()), again.Skip(1).Select(item => item.Id));
    }

    [Fact]
    public async Task The_deliveries_cursor_may_pass_an_int_as_a_busy_endpoint_does_within_days()
    {
        var cooperative = await Api.CreateCooperative();
        var (webhook, _) = await Register(cooperative, "http://127.0.0.1:9/hook");

        var page = await Api.GetJson(Routes.WithQuery(WebhookRoutes.Deliveries(cooperative, webhook), ("cursor", "3000000000")));

        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("https://10.1.2.3/hook", "webhook-address-not-allowed")]
    [InlineData("https://169.254.169.254/latest", "webhook-address-not-allowed")]
    [InlineData("https://[::ffff:192.168.1.1]/hook", "webhook-address-not-allowed")]
    [InlineData("http://8.8.8.8/hook", "webhook-url-https-required")]
    [InlineData("not a url", "webhook-url-invalid")]
    public async Task A_url_that_is_not_https_or_reaches_a_private_address_is_refused(string url, string code)
    {
        var cooperative = await Api.CreateCooperative();

        await Expect.Problem(await Api.Post(WebhookRoutes.Webhooks(cooperative), new { url }), HttpStatusCode.BadRequest, code, "url");

        Assert.Empty((await Api.GetJson(WebhookRoutes.Webhooks(cooperative))).EnumerateArray());
    }

    [Fact]
    public async Task Registration_answers_201_with_the_secret_once_and_checks_event_types_and_the_limit()
    {
        var cooperative = await Api.CreateCooperative();
        var response = await Api.Post(WebhookRoutes.Webhooks(cooperative), new { url = "http://127.0.0.1:9/hook", eventTypes = BallotsOnly, description = "Bot" });
        var created = await Expect.Status(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;

        Assert.Equal(WebhookRoutes.Webhook(cooperative, id), response.Headers.Location?.OriginalString);
        Expect.Fields(created, "id", "url", "eventTypes", "description", "status", "secret", "createdAt", "previousSecretExpiresAt");
        Assert.Equal("enabled", created.GetProperty("status").GetString());
        var shown = await Api.GetJson(WebhookRoutes.Webhook(cooperative, id));
        Assert.False(shown.TryGetProperty("secret", out _));
        Assert.DoesNotContain("whsec_", await (await Api.Get(WebhookRoutes.Webhooks(cooperative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Expect.Problem(
            await Api.Post(WebhookRoutes.Webhooks(cooperative), new { url = "http://127.0.0.1:9/hook", eventTypes = UnknownType }), HttpStatusCode.BadRequest, "invalid-event-types", "eventTypes");

        for (var more = 1; more < 10; more++)
        {
            await Expect.Status(await Api.Post(WebhookRoutes.Webhooks(cooperative), new { url = "http://127.0.0.1:9/hook" }), HttpStatusCode.Created);
        }

        await Expect.Problem(await Api.Post(WebhookRoutes.Webhooks(cooperative), new { url = "http://127.0.0.1:9/hook" }), HttpStatusCode.Conflict, "too-many-webhooks");
        await Expect.NoContent(await Api.Delete(WebhookRoutes.Webhook(cooperative, id)));
        await Expect.Problem(await Api.Get(WebhookRoutes.Webhook(cooperative, id)), HttpStatusCode.NotFound, "webhook-not-found");
        await Expect.Status(await Api.Post(WebhookRoutes.Webhooks(cooperative), new { url = "http://127.0.0.1:9/hook" }), HttpStatusCode.Created);
    }

    private async Task<(string Id, string Secret)> Register(string cooperative, string url)
    {
        var created = await Expect.Status(await Api.Post(WebhookRoutes.Webhooks(cooperative), new { url }), HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("secret").GetString()!);
    }

    private async Task<JsonElement> WaitForStatus(string cooperative, string webhook, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var view = await Api.GetJson(WebhookRoutes.Webhook(cooperative, webhook));
            if (view.GetProperty("status").GetString() == status)
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The webhook stayed {view}.");
            await Task.Delay(50);
        }
    }
}
