using System.Text;
using Governance.TestServices;

namespace Governance.System.Tests.Feed;

/// <summary>
/// The API co-hosting its silo on SQLite, killed with SIGKILL and started again on the same data directory and HTTP
/// port, as a supervisor restarts a node: clients keep their address and tokens, and see refused connections between.
/// </summary>
public sealed class SingleNode : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly int _httpPort = FreePort.Next();
    private readonly StringBuilder _earlierOutput = new();
    private readonly List<HttpClient> _clients = [];

    private SingleNode(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        _dataDirectory = dataDirectory;
        _settings = settings;
    }

    public ApiProcess Api { get; private set; } = null!;

    /// <summary>What every run of the node printed, for a failure message.</summary>
    public string Output => $"{_earlierOutput}--- current run\n{Api.Output}";

    public static async Task<SingleNode> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var node = new SingleNode(dataDirectory, settings);
        node.Api = await ApiProcess.StartAsync(dataDirectory, settings, node._httpPort);
        return node;
    }

    /// <summary>A client for each member, with a token signed by the key the node keeps in its data directory.</summary>
    public async Task<Dictionary<string, HttpClient>> ClientsAsync(IEnumerable<string> members)
    {
        var tokens = await Task.WhenAll(members.Select(async member => (member, token: await ApiProcess.IssueTokenAsync(_dataDirectory, member))));
        var clients = tokens.ToDictionary(pair => pair.member, pair => Api.ClientWith(pair.token));
        _clients.AddRange(clients.Values);
        return clients;
    }

    public Task KillAsync() => Api.KillAsync();

    /// <summary>Starts the node again once the last run has ended, killed or not.</summary>
    public async Task RestartAsync()
    {
        await Api.DisposeAsync();
        _earlierOutput.Append("--- earlier run\n").Append(Api.Output);
        Api = await ApiProcess.StartAsync(_dataDirectory, _settings, _httpPort);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Api.DisposeAsync();
    }
}
