using System.Net.Http.Headers;
using Governance.TestServices;

namespace Governance.Client.Tests.Hosting;

/// <summary>
/// The real API process, built alongside these tests and started once for them on loopback, co-hosting its silo on
/// SQLite in a temporary directory; members' tokens come from its token command, as an operator would mint them.
/// </summary>
public sealed class ApiNode : IAsyncLifetime
{
    public static readonly string[] Members = ["ann", "ben", "cat", "dan"];

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["RateLimit__Enabled"] = "false",

        // The webhook receiver listens on loopback, which only the operator's allow-list opens.
        ["Webhooks__AllowedNetworks__0"] = "127.0.0.0/8",
        ["Webhooks__RetrySchedule__0"] = "00:00:00",
        ["Webhooks__RetrySchedule__1"] = "00:00:01",
    };

    private readonly TemporaryDirectory _data = new();
    private readonly Dictionary<string, string> _tokens = [];
    private readonly List<HttpClient> _clients = [];
    private ApiProcess? _api;

    public ApiProcess Api => _api ?? throw new InvalidOperationException("The API has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data.Path);
        _api = await ApiProcess.StartAsync(_data.Path, Settings);
        foreach (var (member, token) in await Task.WhenAll(Members.Select(async member => (member, await ApiProcess.IssueTokenAsync(_data.Path, member)))))
        {
            _tokens[member] = token;
        }
    }

    /// <summary>The typed client, every request sent as <paramref name="member"/>.</summary>
    public GovernanceClient As(string member)
    {
        var http = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[member]);
        _clients.Add(http);
        return new GovernanceClient(http);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        _data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiNodeCollection : ICollectionFixture<ApiNode>
{
    public const string Name = "api-node";
}
