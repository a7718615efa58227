using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The API with rate limiting on: a burst of 5 requests per identity, refilled at 1 per second. <see cref="ApiFactory"/>
/// is sealed, so this owns a fresh one and starts only the host derived from it with the limits switched on: the
/// base factory's own host is never started, so its silo ports are used once.
/// </summary>
public sealed class RateLimitedApi : IAsyncLifetime
{
    public const int Burst = 5;

    private readonly ApiFactory _base = new();
    private readonly WebApplicationFactory<Program> _limited;

    public RateLimitedApi()
        : this(_ => { })
    {
    }

    private RateLimitedApi(Action<IWebHostBuilder> configure, bool onKestrel = false)
    {
        _limited = _base.WithWebHostBuilder(builder =>
        {
            builder
                .UseSetting("RateLimit:Enabled", "true")
                .UseSetting("RateLimit:Burst", Burst.ToString())
                .UseSetting("RateLimit:PerSecond", "1")
                .UseSetting("RateLimit:FailedAppKeyAttemptsPerMinute", "30");
            configure(builder);
        });
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        if (onKestrel)
        {
            _limited.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            _limited.StartServer();
            options.BaseAddress = new Uri(_limited.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        }

        Client = new GovernanceClient(_limited.CreateClient(options));
    }

    public GovernanceClient Client { get; }

    /// <summary>The same limits, then whatever <paramref name="configure"/> sets or registers on top of them.</summary>
    public static RateLimitedApi With(Action<IWebHostBuilder> configure) => new(configure);

    /// <summary>The same, served by Kestrel on a free loopback port, so that requests come from a real client address.</summary>
    public static RateLimitedApi OnKestrel(Action<IWebHostBuilder> configure) => new(configure, onKestrel: true);

    /// <summary>The server's own services, as the running host resolves them.</summary>
    public IServiceProvider Services => _limited.Services;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _limited.DisposeAsync();
        await _base.DisposeAsync();
    }
}
