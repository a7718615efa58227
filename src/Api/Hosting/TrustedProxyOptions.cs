namespace Governance.Api.Hosting;

/// <summary>
/// The proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed (section "Api:ForwardedHeaders"), so
/// that behind an ingress the rate limits see each client's own address. None by default: a header anyone can send
/// must not choose the address a limit is counted against. Each is a comma-separated list.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "Api:ForwardedHeaders";

    /// <summary>Networks in CIDR notation, such as "10.244.0.0/16", whose addresses are trusted proxies.</summary>
    public string? KnownNetworks { get; set; }

    /// <summary>Single addresses of trusted proxies, such as "10.0.0.7".</summary>
    public string? KnownProxies { get; set; }
}
