using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The API with its co-hosted silo, in memory: the in-memory event store (or a SQLite file, see <see cref="SqlitePath"/>),
/// free loopback ports for the silo and its gateway, and a clock that tests can move forward. One instance serves a
/// whole xunit collection.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly int[] _ports = FreePorts.Take(2);

    private GovernanceClient? _client;

    /// <summary>The front end the API lets call it from a browser.</summary>
    public const string AllowedOrigin = "https://members.example.coop";

    public TestClock Clock { get; } = new();

    /// <summary>Grain calls a test makes fail, as a silo's death would.</summary>
    public GrainCallFaults Faults { get; } = new();

    /// <summary>One client for every test of the collection; tests in a collection run one at a time.</summary>
    public GovernanceClient Client => _client ??= new GovernanceClient(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    /// <summary>When set, events and reminders are kept in this SQLite file instead of in memory, e.g. a log an older version wrote.</summary>
    public string? SqlitePath { get; init; }

    public int SiloPort => _ports[0];

    public int GatewayPort => _ports[1];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings, not app configuration: the silo reads them while the builder is still being set up.
        builder.UseSetting("Storage:Provider", SqlitePath is null ? "Memory" : "Sqlite");
        if (SqlitePath is not null)
        {
            builder.UseSetting("Storage:Sqlite:Path", SqlitePath);
        }

        builder.UseSetting("Orleans:SiloPort", SiloPort.ToString());
        builder.UseSetting("Orleans:GatewayPort", GatewayPort.ToString());
        builder.UseSetting("Orleans:ClusterId", $"api-tests-{SiloPort}");
        builder.UseSetting("Api:DefaultPageSize", "50");
        builder.UseSetting("Api:MaxPageSize", "200");
        builder.UseSetting("Auth:Jwt:SigningKey", Tokens.SigningKeyBase64);
        builder.UseSetting("RateLimit:Enabled", "false");

        // Heartbeats every second, so that a test sees one without waiting the default 15.
        builder.UseSetting("Api:StreamHeartbeatInterval", "00:00:01");
        builder.UseSetting("Limits:MaxStreamsPerIdentity", "5");
        builder.UseSetting("Api:Cors:AllowedOrigins", $"{AllowedOrigin}, https://second.example.coop");

        // Receivers in tests listen on loopback, which only an operator's allow-list opens; retries come in seconds.
        builder.UseSetting("Webhooks:AllowedNetworks:0", "127.0.0.0/8");
        builder.UseSetting("Webhooks:RetrySchedule:0", "00:00:00");
        builder.UseSetting("Webhooks:RetrySchedule:1", "00:00:01");
        builder.UseSetting("Webhooks:RetrySchedule:2", "00:00:02");
        builder.ConfigureLogging(logging =>
        {
            // Quiet by default; API_TESTS_LOG=1 shows the server's warnings and errors while debugging a test.
            if (Environment.GetEnvironmentVariable("API_TESTS_LOG") != "1")
            {
                logging.ClearProviders();
            }
        });
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IOutgoingGrainCallFilter>(Faults);
        });
    }
}
