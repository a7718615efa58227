using System.Net;

namespace Governance.Grains.Webhooks;

/// <summary>A webhook connection was not made because no address of its host is one the policy lets it reach.</summary>
public sealed class WebhookAddressRefusedException : HttpRequestException
{
    public WebhookAddressRefusedException(string host, IReadOnlyList<IPAddress> addresses, bool plainHttp)
        : base(HttpRequestError.ConnectionError, Describe(host, addresses, plainHttp))
    {
        Host = host;
        Addresses = addresses;
    }

    public string Host { get; }

    /// <summary>What the host resolved to, every one refused.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    private static string Describe(string host, IReadOnlyList<IPAddress> addresses, bool plainHttp)
    {
        if (addresses.Count == 0)
        {
            return $"'{host}' resolved to no address.";
        }

        var where = IPAddress.TryParse(host, out _) ? host : $"'{host}' ({string.Join(", ", addresses)})";
        return plainHttp
            ? $"Plain http may reach only allow-listed networks, and {where} is in none."
            : $"Webhooks may not reach {where}: private, loopback or otherwise reserved.";
    }
}
