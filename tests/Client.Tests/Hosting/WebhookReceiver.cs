using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Client.Tests.Hosting;

/// <summary>One delivery as the receiver got it: its headers, its body, and what verifying it with the secret said.</summary>
public sealed record ReceivedDelivery(IHeaderDictionary Headers, byte[] Body, WebhookVerification Verification);

/// <summary>
/// A .NET webhook receiver on a free loopback port, written as an app would write one: it verifies each delivery
/// with <see cref="WebhookSignature"/> in one line, accepts it with 204 when genuine and refuses it with 401 when not.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var verification = WebhookSignature.Verify(Secret, request.Headers, body.ToArray());
            _received.Enqueue(new ReceivedDelivery(new HeaderDictionary(request.Headers.ToDictionary()), body.ToArray(), verification));
            _arrived.Release();
            return verification.IsValid ? Results.NoContent() : Results.Unauthorized();
        });
    }

    /// <summary>The secret the API showed when the webhook was registered.</summary>
    public string Secret { get; set; } = "whsec_" + Convert.ToBase64String(new byte[32]);

    public string Url => $"{_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()}/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>The next delivery, or a timeout that says none came.</summary>
    public async Task<ReceivedDelivery> NextAsync(TimeSpan timeout)
    {
        Assert.True(await _arrived.WaitAsync(timeout), $"No delivery within {timeout.TotalSeconds} s.");
        Assert.True(_received.TryDequeue(out var delivery));
        return delivery;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
