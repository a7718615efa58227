using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Api.Tests.Webhooks;

/// <summary>One request a receiver got: the Standard Webhooks headers and the body, as sent.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body)
{
    public JsonElement Event => JsonDocument.Parse(Body).RootElement;

    /// <summary>A receiver's check, written as the README shows it: any v1 signature that matches the secret's HMAC.</summary>
    public bool SignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(expected)));
    }
}

/// <summary>A webhook receiver on a free loopback port that records every request and answers as the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, Func<ReceivedWebhook, int> answer)
    {
        _app = app;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var received = new ReceivedWebhook(
                request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(), request.Headers["webhook-signature"].ToString(), await reader.ReadToEndAsync());
            Received.Enqueue(received);
            return Results.StatusCode(answer(received));
        });
    }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public string Url => $"{_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()}/hook";

    public static async Task<WebhookReceiver> Start(Func<ReceivedWebhook, int>? answer = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), answer ?? (_ => StatusCodes.Status200OK));
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until the requests received satisfy <paramref name="done"/>; fails with what came when they never do.</summary>
    public async Task<List<ReceivedWebhook>> WaitUntil(Func<List<ReceivedWebhook>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var received = Received.ToList();
            if (done(received))
            {
                return received;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The receiver got {received.Count} requests: {string.Join(", ", received.Select(item => item.Event.GetProperty("type").GetString()))}.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
