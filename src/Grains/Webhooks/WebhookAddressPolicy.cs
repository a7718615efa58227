using System.Net;
using System.Net.Sockets;

namespace Governance.Grains.Webhooks;

/// <summary>What the policy makes of one address.</summary>
public enum WebhookAddressVerdict
{
    /// <summary>Private, loopback, link-local, multicast, cloud metadata or otherwise reserved, and not allow-listed.</summary>
    Refused,

    /// <summary>On the public internet: reachable over https.</summary>
    Public,

    /// <summary>Inside a network the operator allows: reachable over https and plain http.</summary>
    AllowListed,
}

/// <summary>
/// Which addresses webhooks may connect to. Public addresses are allowed; reserved ones are refused unless an
/// allow-listed network contains them; plain http needs an allow-listed address, since elsewhere the payload would
/// cross the internet in the clear. Cloud metadata addresses need an allow-list entry naming exactly them.
/// </summary>
public sealed class WebhookAddressPolicy
{
    private readonly IPNetwork[] _allowed;

    public WebhookAddressPolicy(IEnumerable<IPNetwork> allowedNetworks) => _allowed = [.. allowedNetworks];

    public static WebhookAddressPolicy FromOptions(WebhookOptions options) => new(WebhookNetworks.Parse(options.AllowedNetworks));

    public IReadOnlyList<IPNetwork> AllowedNetworks => _allowed;

    public WebhookAddressVerdict Judge(IPAddress address)
    {
        var canonical = ReservedNetworks.Canonical(address);
        if (ReservedNetworks.IsCloudMetadata(canonical))
        {
            return _allowed.Any(network => network.Contains(canonical) && network.PrefixLength == FullLength(canonical))
                ? WebhookAddressVerdict.AllowListed
                : WebhookAddressVerdict.Refused;
        }

        if (_allowed.Any(network => network.Contains(canonical) || network.Contains(address)))
        {
            return WebhookAddressVerdict.AllowListed;
        }

        return ReservedNetworks.Contains(canonical) || ReservedNetworks.Contains(address)
            ? WebhookAddressVerdict.Refused
            : WebhookAddressVerdict.Public;
    }

    /// <summary>Whether a request of this scheme may connect to the address.</summary>
    public bool Allows(IPAddress address, bool plainHttp) => Judge(address) switch
    {
        WebhookAddressVerdict.AllowListed => true,
        WebhookAddressVerdict.Public => !plainHttp,
        _ => false,
    };

    private static int FullLength(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
}
