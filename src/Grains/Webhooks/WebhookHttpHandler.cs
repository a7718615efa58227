using System.Net;
using System.Net.Sockets;

namespace Governance.Grains.Webhooks;

/// <summary>
/// The HTTP handler webhooks are sent through. It resolves each host itself and connects only to addresses the
/// <see cref="WebhookAddressPolicy"/> allows, so the address checked is the address connected to and a name that
/// changes its answer after registration (DNS rebinding) gains nothing. Redirects are never followed (they could
/// lead anywhere), and no proxy or cookie is used. Requests must not ask for HTTP/3: it connects over QUIC, around
/// this check; <see cref="WebhookClient"/> sends HTTP/1.1.
/// </summary>
public static class WebhookHttpHandler
{
    /// <summary>A receiver that accepts no connection in this long is down; the rest of the timeout is left for its answer.</summary>
    public static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A pooled connection outlives the DNS answer it was checked against; this bounds by how much.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    public static SocketsHttpHandler Create(WebhookAddressPolicy policy, WebhookHostResolver resolve, TimeSpan timeout) =>
        Create(policy, resolve, timeout, ConnectSocketAsync);

    /// <param name="connect">Opens a connection to one permitted endpoint; tests record the endpoints instead of dialling them.</param>
    internal static SocketsHttpHandler Create(
        WebhookAddressPolicy policy,
        WebhookHostResolver resolve,
        TimeSpan timeout,
        Func<IPEndPoint, CancellationToken, ValueTask<Stream>> connect)
    {
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = timeout < MaxConnectTimeout ? timeout : MaxConnectTimeout,
            PooledConnectionLifetime = PooledConnectionLifetime,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(policy, resolve, connect, context, cancellationToken),
        };
    }

    private static async ValueTask<Stream> ConnectAsync(
        WebhookAddressPolicy policy,
        WebhookHostResolver resolve,
        Func<IPEndPoint, CancellationToken, ValueTask<Stream>> connect,
        SocketsHttpConnectionContext context,
        CancellationToken cancellationToken)
    {
        // Connections are pooled per scheme, host and port, so a connection made for a plain http request only ever carries plain http.
        var plainHttp = context.InitialRequestMessage.RequestUri?.Scheme != Uri.UriSchemeHttps;
        var host = context.DnsEndPoint.Host.TrimStart('[').TrimEnd(']');
        var resolved = IPAddress.TryParse(host, out var literal) ? [literal] : await resolve(host, cancellationToken);
        var permitted = resolved.Where(address => policy.Allows(address, plainHttp)).ToArray();
        if (permitted.Length == 0)
        {
            throw new WebhookAddressRefusedException(host, resolved, plainHttp);
        }

        SocketException? lastFailure = null;
        foreach (var address in permitted)
        {
            try
            {
                return await connect(new IPEndPoint(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address, context.DnsEndPoint.Port), cancellationToken);
            }
            catch (SocketException failure)
            {
                lastFailure = failure;
            }
        }

        throw lastFailure!;
    }

    private static async ValueTask<Stream> ConnectSocketAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
