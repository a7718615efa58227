using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
        : this(failedAppKeyAttemptsPerMinute: 30)
    {
    }

    private RateLimitedApi(int failedAppKeyAttemptsPerMinute)
    {
        _limited = _base.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimit:Enabled", "true")
            .UseSetting("RateLimit:Burst", Burst.ToString())
            .UseSetting("RateLimit:PerSecond", "1")
            .UseSetting("RateLimit:FailedAppKeyAttemptsPerMinute", failedAppKeyAttemptsPerMinute.ToString()));
        Client = new GovernanceClient(_limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
    }

    public GovernanceClient Client { get; }

    /// <summary>The same limits, with failed app key checks allowed only this many times a minute per address.</summary>
    public static RateLimitedApi WithFailedAppKeyAttemptsPerMinute(int attempts) => new(attempts);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _limited.DisposeAsync();
        await _base.DisposeAsync();
    }
}
