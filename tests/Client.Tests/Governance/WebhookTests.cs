using System.Text;
using System.Text.Json;
using Governance.Client.Tests.Hosting;

namespace Governance.Client.Tests.Governance;

[Collection(ApiNodeCollection.Name)]
public sealed class WebhookTests(ApiNode node)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    private readonly GovernanceClient _ann = node.As("ann");

    [Fact]
    public async Task A_registered_webhook_receives_signed_events_that_verify_with_its_secret()
    {
        var cooperative = await _ann.FoundAsync("Acme Bakery");
        await using var receiver = await WebhookReceiver.StartAsync();

        var webhook = await _ann.CreateWebhookAsync(cooperative, new CreateWebhookRequest
        {
            Url = receiver.Url,
            EventTypes = ["member.joined"],
            Description = "Welcome bot",
        });
        Assert.StartsWith(WebhookSignature.SecretPrefix, webhook.Secret, StringComparison.Ordinal);
        Assert.Equal(WebhookStatus.Enabled, webhook.Status);
        receiver.Secret = webhook.Secret;

        await _ann.AddMemberAsync(cooperative, new AddMemberRequest { Id = "eve", Name = "Eve" });
        var delivery = await receiver.NextAsync(DeliveryTimeout);

        Assert.True(delivery.Verification.IsValid, delivery.Verification.Reason);
        var cloudEvent = JsonSerializer.Deserialize<CloudEvent>(delivery.Body)!;
        Assert.Equal(("member.joined", "eve"), (cloudEvent.Type, cloudEvent.Subject));
        Assert.Equal(cloudEvent.Id, delivery.Headers[WebhookSignature.IdHeader].ToString());

        // The same delivery with its body altered, or checked with another secret, does not verify.
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(delivery.Body).Replace("eve", "mallory", StringComparison.Ordinal));
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, WebhookSignature.Verify(webhook.Secret, delivery.Headers, altered).Failure);
        var rotated = await _ann.RotateWebhookSecretAsync(cooperative, webhook.Id);
        Assert.False(WebhookSignature.Verify(rotated.Secret, delivery.Headers, delivery.Body).IsValid);

        // After a rotation, deliveries carry both signatures, so the new secret verifies them and so does the old one.
        receiver.Secret = rotated.Secret;
        await _ann.AddMemberAsync(cooperative, new AddMemberRequest { Id = "fay" });
        var next = await receiver.NextAsync(DeliveryTimeout);
        Assert.True(next.Verification.IsValid, next.Verification.Reason);
        Assert.True(WebhookSignature.Verify(webhook.Secret, next.Headers, next.Body).IsValid);

        var status = await _ann.GetWebhookAsync(cooperative, webhook.Id);
        Assert.Equal(WebhookStatus.Enabled, status.Status);
    }
}
