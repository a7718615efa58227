using System.Net;
using System.Net.Sockets;

namespace Governance.Grains.Webhooks;

/// <summary>Reads the networks an operator allows, strictly, so a typo never widens or silently narrows the list.</summary>
public static class WebhookNetworks
{
    /// <summary>
    /// Reads "address/prefix" or a bare address (one host). An address with bits set past its prefix is refused
    /// rather than masked: "10.1.2.3/8" more likely means one host than all of 10.0.0.0/8.
    /// </summary>
    public static bool TryParse(string? text, out IPNetwork network, out string problem)
    {
        network = default;
        problem = $"'{text}' is not a network in CIDR form, such as 10.20.0.0/16 or fd00::/8.";
        var trimmed = text?.Trim() ?? "";
        var slash = trimmed.IndexOf('/');
        var addressText = slash < 0 ? trimmed : trimmed[..slash];
        if (!IPAddress.TryParse(addressText, out var written) || !IsWrittenInFull(written, addressText))
        {
            return false;
        }

        if (slash < 0)
        {
            network = new IPNetwork(written, written.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            problem = "";
            return true;
        }

        if (!IPNetwork.TryParse(trimmed, out network))
        {
            return false;
        }

        if (!written.Equals(network.BaseAddress))
        {
            problem = $"'{text}' has bits set past its prefix; write {network} for the whole network, or the address alone for one host.";
            return false;
        }

        problem = "";
        return true;
    }

    /// <summary>Reads every network, or throws naming each one that is wrong.</summary>
    /// <exception cref="FormatException">Some entry is not a network; the message names each.</exception>
    public static IReadOnlyList<IPNetwork> Parse(IEnumerable<string> texts)
    {
        var networks = new List<IPNetwork>();
        var problems = new List<string>();
        foreach (var text in texts)
        {
            if (TryParse(text, out var network, out var problem))
            {
                networks.Add(network);
            }
            else
            {
                problems.Add(problem);
            }
        }

        return problems.Count == 0 ? networks : throw new FormatException(string.Join(' ', problems));
    }

    /// <summary>IPv4 in four decimal parts: the parser also takes "10" or "127.1", which in a list of networks are typos.</summary>
    private static bool IsWrittenInFull(IPAddress address, string text) =>
        address.AddressFamily != AddressFamily.InterNetwork || address.ToString() == text;
}
