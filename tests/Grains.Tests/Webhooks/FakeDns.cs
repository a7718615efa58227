using System.Net;
using System.Net.Sockets;
using Governance.Grains.Webhooks;

namespace Governance.Grains.Tests.Webhooks;

/// <summary>Host names the tests make up, each resolving as the test says; any other name does not resolve.</summary>
internal sealed class FakeDns
{
    private readonly Dictionary<string, Func<IPAddress[]>> _answers = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Asked { get; } = [];

    public FakeDns Add(string host, params string[] addresses)
    {
        _answers[host] = () => [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    public FakeDns Add(string host, Func<IPAddress[]> answer)
    {
        _answers[host] = answer;
        return this;
    }

    public WebhookHostResolver Resolver => (host, _) =>
    {
        Asked.Add(host);
        return _answers.TryGetValue(host, out var answer)
            ? Task.FromResult(answer())
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    };
}
