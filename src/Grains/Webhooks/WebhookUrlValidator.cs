using System.Net;
using System.Net.Sockets;

namespace Governance.Grains.Webhooks;

/// <summary>
/// Checks a webhook URL when it is registered, so a member learns at once that it can never be delivered to. Host names
/// are resolved on a best-effort basis: a name that does not resolve yet is accepted over https, and names can change
/// what they resolve to later, so the real guard is the check at connect time in <see cref="WebhookHttpHandler"/>.
/// </summary>
public sealed class WebhookUrlValidator(WebhookAddressPolicy policy, WebhookHostResolver resolve)
{
    public const int MaxLength = 2048;

    /// <summary>The longest name DNS can carry; resolvers refuse longer ones outright.</summary>
    private const int MaxHostLength = 253;

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    public async Task<WebhookUrlCheck> CheckAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.IdnHost.Length > MaxHostLength)
        {
            return WebhookUrlCheck.Refused(WebhookUrlCheck.UrlInvalid, $"A webhook URL is an absolute https URL of at most {MaxLength} characters.");
        }

        if (uri.UserInfo.Length > 0)
        {
            return WebhookUrlCheck.Refused(WebhookUrlCheck.UrlInvalid, "A webhook URL carries no user name or password; authenticate requests by their signature.");
        }

        var plainHttp = uri.Scheme == Uri.UriSchemeHttp;
        var host = uri.IdnHost;
        if (IPAddress.TryParse(host, out var literal))
        {
            return Judge(uri, [literal], plainHttp);
        }

        var addresses = await TryResolve(host, cancellationToken);
        if (addresses.Length > 0)
        {
            return Judge(uri, addresses, plainHttp);
        }

        return plainHttp
            ? WebhookUrlCheck.Refused(WebhookUrlCheck.HttpsRequired, $"Plain http is allowed only to networks the operator allows, and '{host}' does not resolve; use https.")
            : WebhookUrlCheck.Valid(uri);
    }

    private WebhookUrlCheck Judge(Uri uri, IPAddress[] addresses, bool plainHttp)
    {
        foreach (var address in addresses)
        {
            var verdict = policy.Judge(address);
            if (verdict == WebhookAddressVerdict.Refused)
            {
                return WebhookUrlCheck.Refused(
                    WebhookUrlCheck.AddressNotAllowed,
                    $"Webhooks may not reach {Where(uri, address)}: it is a private, loopback or otherwise reserved address.");
            }

            if (plainHttp && verdict != WebhookAddressVerdict.AllowListed)
            {
                return WebhookUrlCheck.Refused(
                    WebhookUrlCheck.HttpsRequired,
                    $"Plain http is allowed only to networks the operator allows, and {Where(uri, address)} is in none; use https.");
            }
        }

        return WebhookUrlCheck.Valid(uri);
    }

    private static string Where(Uri uri, IPAddress address) =>
        uri.HostNameType == UriHostNameType.Dns ? $"'{uri.IdnHost}' ({address})" : address.ToString();

    private async Task<IPAddress[]> TryResolve(string host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await resolve(host, timeout.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Unresolvable now says nothing about delivery time; the connect-time check decides then.
            return [];
        }
    }
}
