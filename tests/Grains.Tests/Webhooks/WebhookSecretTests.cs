using Governance.Grains.Webhooks;

namespace Governance.Grains.Tests.Webhooks;

public sealed class WebhookSecretTests
{
    [Fact]
    public void A_generated_secret_is_the_prefix_and_32_random_bytes()
    {
        var first = WebhookSecret.Generate();
        var second = WebhookSecret.Generate();

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        Assert.Equal(32, WebhookSecret.ParseKey(first).Length);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_secret_parses_to_the_key_its_base64_holds()
    {
        var key = Enumerable.Range(1, 24).Select(i => (byte)i).ToArray();

        Assert.Equal(key, WebhookSecret.ParseKey("whsec_" + Convert.ToBase64String(key)));
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "starts with 'whsec_'")]
    [InlineData("whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "starts with 'whsec_'")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa!", "not base64")]
    [InlineData("whsec_", "has 0")]
    [InlineData("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRY=", "has 23")]
    public void A_malformed_secret_is_refused_without_repeating_it(string secret, string reason)
    {
        var refusal = Assert.Throws<FormatException>(() => WebhookSecret.ParseKey(secret));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MfKQ9r8", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_longer_than_64_bytes_is_refused()
    {
        Assert.Throws<FormatException>(() => WebhookSecret.ParseKey("whsec_" + Convert.ToBase64String(new byte[65])));
        Assert.Equal(64, WebhookSecret.ParseKey("whsec_" + Convert.ToBase64String(new byte[64])).Length);
    }
}
