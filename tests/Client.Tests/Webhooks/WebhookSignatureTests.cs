using System.Collections.Specialized;
using System.Text;
using Microsoft.AspNetCore.Http;
using ServerSignature = Governance.Grains.Webhooks.WebhookSignature;

namespace Governance.Client.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string OtherSecret = "whsec_QlNHbS1hbm90aGVyLXNlY3JldC0zMi1ieXRlcyE=";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"specversion":"1.0","id":"cooperative/acme/3","type":"member.joined"}""");

    /// <summary>The example of the Standard Webhooks specification, so that a receiver of any sender that follows it verifies.</summary>
    [Fact]
    public void The_specifications_example_verifies()
    {
        var verification = WebhookSignature.Verify(
            Secret,
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            "1614265330",
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            Encoding.UTF8.GetBytes("""{"test": 2432232314}"""),
            DateTimeOffset.FromUnixTimeSeconds(1614265330));

        Assert.True(verification.IsValid, verification.Reason);
        Assert.Null(verification.Failure);
    }

    [Fact]
    public void A_delivery_the_api_signed_verifies_from_aspnet_core_request_headers()
    {
        var headers = Signed([Secret]);

        var verification = WebhookSignature.Verify(Secret, headers, Body, SignedAt);

        Assert.True(verification.IsValid, verification.Reason);
    }

    /// <summary>While a secret is rotated the API signs with both, and a receiver with either one verifies.</summary>
    [Fact]
    public void During_a_rotation_either_secret_verifies_and_a_third_does_not()
    {
        var headers = Signed([OtherSecret, Secret]);

        Assert.True(WebhookSignature.Verify(Secret, headers, Body, SignedAt).IsValid);
        Assert.True(WebhookSignature.Verify(OtherSecret, headers, Body, SignedAt).IsValid);
        Assert.Equal(
            WebhookVerificationFailure.NoMatchingSignature,
            WebhookSignature.Verify("whsec_" + Convert.ToBase64String(new byte[32]), headers, Body, SignedAt).Failure);
    }

    [Fact]
    public void An_altered_body_fails_and_says_why()
    {
        var headers = Signed([Secret]);
        var altered = Encoding.UTF8.GetBytes("""{"specversion":"1.0","id":"cooperative/acme/3","type":"member.left"}""");

        var verification = WebhookSignature.Verify(Secret, headers, altered, SignedAt);

        Assert.False(verification.IsValid);
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, verification.Failure);
        Assert.Contains("None of the 1 signature(s)", verification.Reason, StringComparison.Ordinal);
    }

    /// <summary>An old delivery replayed by someone who recorded it is refused, beyond five minutes by default.</summary>
    [Theory]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void The_timestamp_must_lie_within_five_minutes_of_now(int secondsFromSigning, bool valid)
    {
        var headers = Signed([Secret]);

        var verification = WebhookSignature.Verify(Secret, headers, Body, SignedAt.AddSeconds(secondsFromSigning));

        Assert.Equal(valid, verification.IsValid);
        Assert.Equal(valid ? null : WebhookVerificationFailure.TimestampOutOfTolerance, verification.Failure);
    }

    [Fact]
    public void A_tolerance_may_be_given()
    {
        var headers = Signed([Secret]);

        Assert.False(WebhookSignature.Verify(Secret, headers, Body, SignedAt.AddSeconds(61), TimeSpan.FromMinutes(1)).IsValid);
        Assert.True(WebhookSignature.Verify(Secret, headers, Body, SignedAt.AddHours(1), TimeSpan.FromHours(2)).IsValid);
    }

    [Fact]
    public void Headers_from_http_listener_and_http_client_verify_too()
    {
        var signed = Signed([Secret]);
        var listener = new NameValueCollection();
        var client = new HttpRequestMessage().Headers;
        foreach (var (name, values) in signed)
        {
            // Header names arrive in any letter case.
            listener.Add(name.ToUpperInvariant(), values.ToString());
            client.TryAddWithoutValidation(name, values.ToString());
        }

        Assert.True(WebhookSignature.Verify(Secret, listener, Body, SignedAt).IsValid);
        Assert.True(WebhookSignature.Verify(Secret, client, Body, SignedAt).IsValid);
    }

    [Theory]
    [InlineData(WebhookSignature.IdHeader)]
    [InlineData(WebhookSignature.TimestampHeader)]
    [InlineData(WebhookSignature.SignatureHeader)]
    public void A_missing_header_fails_and_names_it(string header)
    {
        var headers = Signed([Secret]);
        headers.Remove(header);

        var verification = WebhookSignature.Verify(Secret, headers, Body, SignedAt);

        Assert.Equal(WebhookVerificationFailure.MissingHeader, verification.Failure);
        Assert.Contains(header, verification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_that_is_not_unix_seconds_fails()
    {
        var headers = Signed([Secret]);
        headers[WebhookSignature.TimestampHeader] = SignedAt.ToString("O");

        Assert.Equal(WebhookVerificationFailure.MalformedTimestamp, WebhookSignature.Verify(Secret, headers, Body, SignedAt).Failure);
    }

    /// <summary>Signatures of schemes other than v1 are skipped, and a v1 signature beside them still counts.</summary>
    [Fact]
    public void Signatures_of_other_schemes_are_skipped()
    {
        var headers = Signed([Secret]);
        var v1 = headers[WebhookSignature.SignatureHeader].ToString();

        headers[WebhookSignature.SignatureHeader] = "v1a,bm90LWEtc2lnbmF0dXJl " + v1["v1,".Length..];
        Assert.Equal(WebhookVerificationFailure.NoMatchingSignature, WebhookSignature.Verify(Secret, headers, Body, SignedAt).Failure);

        headers[WebhookSignature.SignatureHeader] = "v1a,bm90LWEtc2lnbmF0dXJl " + v1;
        Assert.True(WebhookSignature.Verify(Secret, headers, Body, SignedAt).IsValid);
    }

    [Theory]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not base64!")]
    public void A_secret_that_is_not_whsec_and_base64_is_refused_without_repeating_it(string secret)
    {
        var refused = Assert.Throws<ArgumentException>(() => WebhookSignature.Verify(secret, Signed([Secret]), Body, SignedAt));

        Assert.DoesNotContain(secret, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The headers of a delivery as the API's signer writes them.</summary>
    private static HeaderDictionary Signed(IEnumerable<string> secrets)
    {
        const string messageId = "cooperative/acme/3";
        var timestamp = SignedAt.ToUnixTimeSeconds();
        return new HeaderDictionary
        {
            [WebhookSignature.IdHeader] = messageId,
            [WebhookSignature.TimestampHeader] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [WebhookSignature.SignatureHeader] = ServerSignature.Header(secrets, messageId, timestamp, Body),
        };
    }
}
