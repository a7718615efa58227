using Microsoft.AspNetCore.Mvc.Testing;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The API on a real Kestrel server on a free loopback port, for what the in-memory test server does not do, such as
/// stopping to read a streamed body at the size limit. It has a silo of its own.
/// </summary>
public sealed class KestrelApi : IAsyncLifetime
{
    private readonly ApiFactory _factory = new();

    public KestrelApi()
    {
        var port = FreePorts.Take(1)[0];
        _factory.UseKestrel(port);
        _factory.StartServer();
        Client = new GovernanceClient(_factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            AllowAutoRedirect = false,
        }));
    }

    public GovernanceClient Client { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
