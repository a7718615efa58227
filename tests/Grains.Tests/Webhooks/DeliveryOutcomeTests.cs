using System.Net;
using System.Net.Http.Headers;
using Governance.Grains.Webhooks;

namespace Governance.Grains.Tests.Webhooks;

public sealed class DeliveryOutcomeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    [InlineData(299)]
    public void A_2xx_is_delivered(int status)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(new DeliveryOutcome(DeliveryStatus.Delivered, status, null, null), DeliveryOutcome.FromResponse(response, Now));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public void A_redirect_is_a_failure_that_says_it_was_not_followed(int status)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.Location = new Uri("https://elsewhere.example/");

        var outcome = DeliveryOutcome.FromResponse(response, Now);

        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Equal(status, outcome.StatusCode);
        Assert.Contains("redirects are not followed", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Gone_disables_the_endpoint()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Gone);

        var outcome = DeliveryOutcome.FromResponse(response, Now);

        Assert.Equal(DeliveryStatus.EndpointGone, outcome.Status);
        Assert.StartsWith("HTTP 410 Gone", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "HTTP 400 Bad Request")]
    [InlineData(401, "HTTP 401 Unauthorized")]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(500, "HTTP 500 Internal Server Error")]
    [InlineData(502, "HTTP 502 Bad Gateway")]
    [InlineData(504, "HTTP 504 Gateway Timeout")]
    public void Other_statuses_fail_with_the_status_as_the_error(int status, string error)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(new DeliveryOutcome(DeliveryStatus.Failed, status, error, null), DeliveryOutcome.FromResponse(response, Now));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void Too_many_requests_and_unavailable_honour_a_retry_after_in_seconds(int status)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120));

        var outcome = DeliveryOutcome.FromResponse(response, Now);

        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(120), outcome.RetryAfter);
    }

    [Fact]
    public void A_retry_after_date_counts_from_now()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(10), DeliveryOutcome.FromResponse(response, Now).RetryAfter);
    }

    [Fact]
    public void A_retry_after_date_already_past_asks_for_nothing()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(-1));

        Assert.Null(DeliveryOutcome.FromResponse(response, Now).RetryAfter);
    }

    [Fact]
    public void A_huge_retry_after_is_capped()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "31536000");

        Assert.Equal(DeliveryOutcome.MaxRetryAfter, DeliveryOutcome.FromResponse(response, Now).RetryAfter);
    }

    [Fact]
    public void Retry_after_counts_only_on_429_and_503()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120));

        Assert.Null(DeliveryOutcome.FromResponse(response, Now).RetryAfter);
    }

    [Fact]
    public void A_timeout_fails_saying_so()
    {
        var timeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException());

        var outcome = DeliveryOutcome.FromException(timeout);

        Assert.Equal(new DeliveryOutcome(DeliveryStatus.Failed, null, "The receiver did not answer in time", null), outcome);
    }

    [Fact]
    public void A_connection_error_fails_with_its_message()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (203.0.113.9:443)");

        Assert.Equal("Connection refused (203.0.113.9:443)", DeliveryOutcome.FromException(refused).Error);
    }

    [Fact]
    public void An_unresolved_host_and_a_failed_handshake_say_which()
    {
        var unresolved = new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (x.example:443)");
        var handshake = new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.", new IOException("The remote certificate is invalid"));

        Assert.StartsWith("The host name did not resolve", DeliveryOutcome.FromException(unresolved).Error, StringComparison.Ordinal);
        Assert.Equal("The TLS handshake failed: The remote certificate is invalid", DeliveryOutcome.FromException(handshake).Error);
    }

    [Fact]
    public void A_long_error_is_shortened()
    {
        var verbose = new HttpRequestException(new string('x', 1000));

        var error = DeliveryOutcome.FromException(verbose).Error!;

        Assert.Equal(DeliveryOutcome.MaxErrorLength, error.Length);
        Assert.EndsWith("…", error, StringComparison.Ordinal);
    }
}
