using System.Net;

namespace Governance.Grains.Webhooks;

/// <summary>Resolves a host name to its addresses; <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/> outside tests.</summary>
public delegate Task<IPAddress[]> WebhookHostResolver(string host, CancellationToken cancellationToken);
