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

    private static string Describe(string host, IReadOnlyList<IPAddress> addresses, bool plainHttp) =>
        addresses.Count == 0
            ? $"'{host}' resolved to no address."
            : plainHttp
                ? $"Plain http may reach only allow-listed networks, and '{host}' resolved to none ({string.Join(", ", addresses)})."
                : $"Webhooks may not reach '{host}': it resolved only to reserved addresses ({string.Join(", ", addresses)}).";
}
