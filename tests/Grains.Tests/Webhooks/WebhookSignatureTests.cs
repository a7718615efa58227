using System.Text;
using Governance.Grains.Webhooks;

namespace Governance.Grains.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The example the Standard Webhooks reference libraries test against.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecMessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] SpecBody = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
    private static readonly DateTimeOffset SpecTime = DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp);

    [Fact]
    public void Signing_reproduces_the_specs_example()
    {
        Assert.Equal(SpecSignature, WebhookSignature.Sign(SpecSecret, SpecMessageId, SpecTimestamp, SpecBody));
    }

    [Fact]
    public void The_specs_example_verifies()
    {
        Assert.True(WebhookSignature.Verify(SpecSecret, SpecMessageId, SpecTimestamp.ToString(), SpecSignature, SpecBody, SpecTime));
    }

    [Fact]
    public void During_a_rotation_the_header_carries_both_signatures_and_either_secret_verifies()
    {
        var current = WebhookSecret.Generate();

        var header = WebhookSignature.Header([current, SpecSecret], SpecMessageId, SpecTimestamp, SpecBody);

        var signatures = header.Split(' ');
        Assert.Equal([WebhookSignature.Sign(current, SpecMessageId, SpecTimestamp, SpecBody), SpecSignature], signatures);
        Assert.True(WebhookSignature.Verify(current, SpecMessageId, SpecTimestamp.ToString(), header, SpecBody, SpecTime));
        Assert.True(WebhookSignature.Verify(SpecSecret, SpecMessageId, SpecTimestamp.ToString(), header, SpecBody, SpecTime));
        Assert.False(WebhookSignature.Verify(WebhookSecret.Generate(), SpecMessageId, SpecTimestamp.ToString(), header, SpecBody, SpecTime));
    }

    [Fact]
    public void A_tampered_body_id_or_timestamp_fails()
    {
        var tamperedBody = Encoding.UTF8.GetBytes("{\"test\": 2432232315}");

        Assert.False(WebhookSignature.Verify(SpecSecret, SpecMessageId, SpecTimestamp.ToString(), SpecSignature, tamperedBody, SpecTime));
        Assert.False(WebhookSignature.Verify(SpecSecret, "msg_other", SpecTimestamp.ToString(), SpecSignature, SpecBody, SpecTime));
        Assert.False(WebhookSignature.Verify(SpecSecret, SpecMessageId, (SpecTimestamp + 1).ToString(), SpecSignature, SpecBody, SpecTime));
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void The_timestamp_must_lie_within_five_minutes_either_way(int secondsFromNow, bool verifies)
    {
        var now = SpecTime.AddSeconds(-secondsFromNow);

        Assert.Equal(verifies, WebhookSignature.Verify(SpecSecret, SpecMessageId, SpecTimestamp.ToString(), SpecSignature, SpecBody, now));
    }

    [Fact]
    public void The_tolerance_can_be_set()
    {
        var now = SpecTime.AddMinutes(8);

        Assert.True(WebhookSignature.Verify(SpecSecret, SpecMessageId, SpecTimestamp.ToString(), SpecSignature, SpecBody, now, TimeSpan.FromMinutes(10)));
        Assert.False(WebhookSignature.Verify(SpecSecret, SpecMessageId, SpecTimestamp.ToString(), SpecSignature, SpecBody, now));
    }

    [Theory]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE")]
    [InlineData("v1,not base64")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OEA")]
    [InlineData("")]
    public void Only_an_exact_v1_signature_counts(string header)
    {
        Assert.False(WebhookSignature.Verify(SpecSecret, SpecMessageId, SpecTimestamp.ToString(), header, SpecBody, SpecTime));
    }

    [Fact]
    public void Signatures_of_other_schemes_beside_a_valid_one_do_not_stop_it_verifying()
    {
        var header = "v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw== v1,bm9wZQ== " + SpecSignature;

        Assert.True(WebhookSignature.Verify(SpecSecret, SpecMessageId, SpecTimestamp.ToString(), header, SpecBody, SpecTime));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1614265330.5")]
    [InlineData("-1614265330")]
    [InlineData("soon")]
    public void A_timestamp_that_is_not_unix_seconds_fails(string timestamp)
    {
        Assert.False(WebhookSignature.Verify(SpecSecret, SpecMessageId, timestamp, SpecSignature, SpecBody, SpecTime));
    }

    [Theory]
    [InlineData("")]
    [InlineData("msg.1")]
    public void A_message_id_that_is_empty_or_holds_a_dot_is_not_signed(string messageId)
    {
        Assert.Throws<ArgumentException>(() => WebhookSignature.Sign(SpecSecret, messageId, SpecTimestamp, SpecBody));
    }

    [Fact]
    public void A_header_needs_at_least_one_secret()
    {
        Assert.Throws<ArgumentException>(() => WebhookSignature.Header([], SpecMessageId, SpecTimestamp, SpecBody));
    }
}
