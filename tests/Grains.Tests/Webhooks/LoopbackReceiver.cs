using System.Collections.Concurrent;
using System.Net;
using Governance.TestServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Governance.Grains.Tests.Webhooks;

/// <summary>A Kestrel server on 127.0.0.1 that records every request it receives and answers as the test says.</summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private LoopbackReceiver(Func<HttpContext, CancellationToken, Task> respond)
    {
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            Requests.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path,
                context.Request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => header.Value.ToString()),
                body.ToArray()));
            using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, context.RequestAborted);
            try
            {
                await respond(context, abandoned.Token);
            }
            catch (OperationCanceledException) when (abandoned.IsCancellationRequested)
            {
            }
        });
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static async Task<LoopbackReceiver> StartAsync(Func<HttpContext, CancellationToken, Task> respond)
    {
        var receiver = new LoopbackReceiver(respond);
        await receiver._app.StartAsync();
        return receiver;
    }

    public static Task<LoopbackReceiver> Answering(HttpStatusCode status) => StartAsync((context, _) =>
    {
        context.Response.StatusCode = (int)status;
        return Task.CompletedTask;
    });

    public Uri Url(string path = "/hook", string host = "127.0.0.1") => new($"http://{host}:{Port}{path}");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
