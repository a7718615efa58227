using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Security;

/// <summary>
/// The rate-limited API allowing <see cref="AllowedFailures"/> failed checks per app key id a minute, with a burst
/// large enough that the per-address limit never answers first, and a count of the checks that reached a cooperative.
/// </summary>
public sealed class AppKeyAttemptApi : IAsyncLifetime
{
    public const int AllowedFailures = 3;

    private readonly RateLimitedApi _limited;

    public AppKeyAttemptApi() =>
        _limited = RateLimitedApi.With(builder => builder
            .UseSetting("RateLimit:Burst", "1000")
            .UseSetting("RateLimit:FailedAppKeyAttemptsPerMinute", AllowedFailures.ToString())
            .ConfigureTestServices(services => services.AddSingleton<IIncomingGrainCallFilter>(Checks)));

    public AppKeyChecks Checks { get; } = new();

    public GovernanceClient Client => _limited.Client;

    public Task InitializeAsync() => _limited.InitializeAsync();

    public Task DisposeAsync() => _limited.DisposeAsync();
}
