using System.Net;
using System.Net.Sockets;

namespace Governance.Grains.Webhooks;

/// <summary>
/// Addresses a webhook must not reach by default: everything that is not the public internet, where a URL a member
/// typed could reach the operator's own services instead. IPv6 forms that carry an IPv4 address are judged by that
/// address, so ::ffff:127.0.0.1 is loopback.
/// </summary>
internal static class ReservedNetworks
{
    private static readonly IPNetwork[] Networks =
    [
        IPNetwork.Parse("0.0.0.0/8"),          // "this network"; connecting to 0.0.0.0 reaches the local host
        IPNetwork.Parse("10.0.0.0/8"),         // private
        IPNetwork.Parse("100.64.0.0/10"),      // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),        // loopback
        IPNetwork.Parse("169.254.0.0/16"),     // link-local
        IPNetwork.Parse("172.16.0.0/12"),      // private
        IPNetwork.Parse("192.0.0.0/24"),       // protocol assignments
        IPNetwork.Parse("192.0.2.0/24"),       // documentation
        IPNetwork.Parse("192.88.99.0/24"),     // 6to4 relays
        IPNetwork.Parse("192.168.0.0/16"),     // private
        IPNetwork.Parse("198.18.0.0/15"),      // benchmarking, often used inside networks
        IPNetwork.Parse("198.51.100.0/24"),    // documentation
        IPNetwork.Parse("203.0.113.0/24"),     // documentation
        IPNetwork.Parse("224.0.0.0/4"),        // multicast
        IPNetwork.Parse("240.0.0.0/4"),        // reserved, and the broadcast address
        IPNetwork.Parse("::/128"),             // unspecified
        IPNetwork.Parse("::1/128"),            // loopback
        IPNetwork.Parse("100::/64"),           // discard
        IPNetwork.Parse("2001::/32"),          // Teredo, whose tunnelled IPv4 address is obscured
        IPNetwork.Parse("2001:db8::/32"),      // documentation
        IPNetwork.Parse("fc00::/7"),           // unique local
        IPNetwork.Parse("fe80::/10"),          // link-local
        IPNetwork.Parse("fec0::/10"),          // site-local
        IPNetwork.Parse("ff00::/8"),           // multicast
    ];

    /// <summary>
    /// Instance metadata services, which hand out cloud credentials: refused even inside an allow-listed network, and
    /// reachable only when the allow-list names the address itself.
    /// </summary>
    private static readonly IPAddress[] CloudMetadata =
    [
        IPAddress.Parse("169.254.169.254"),    // AWS, Azure, GCP, Oracle and others
        IPAddress.Parse("fd00:ec2::254"),      // AWS over IPv6
        IPAddress.Parse("100.100.100.200"),    // Alibaba Cloud
        IPAddress.Parse("168.63.129.16"),      // Azure's host endpoint, public-looking but private to each VM
    ];

    private static readonly IPNetwork IPv4Compatible = IPNetwork.Parse("::/96");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public static bool Contains(IPAddress address) => Networks.Any(network => network.Contains(address));

    public static bool IsCloudMetadata(IPAddress address) => CloudMetadata.Contains(address);

    /// <summary>
    /// The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), else the address itself without
    /// its scope, which only names the interface.
    /// </summary>
    public static IPAddress Canonical(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        var unscoped = new IPAddress(bytes);
        if (unscoped.IsIPv4MappedToIPv6)
        {
            return unscoped.MapToIPv4();
        }

        if (IPv4Compatible.Contains(unscoped) || Nat64.Contains(unscoped))
        {
            return unscoped.Equals(IPAddress.IPv6Any) || unscoped.Equals(IPAddress.IPv6Loopback)
                ? unscoped
                : new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(unscoped) ? new IPAddress(bytes.AsSpan(2, 4)) : unscoped;
    }
}
