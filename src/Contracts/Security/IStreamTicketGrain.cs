namespace Governance.Contracts.Security;

/// <summary>
/// One stream ticket (key: the SHA-256 of the ticket, in hex, so that the ticket itself is in no grain id or log).
/// Tickets let a browser's EventSource, which cannot send a header, open one stream as the caller who asked for it.
/// They live in memory only: a lost ticket costs its holder one request for a new one.
/// </summary>
[Alias("Governance.IStreamTicketGrain")]
public interface IStreamTicketGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task Issue(StreamTicketGrant grant);

    /// <summary>The grant, while it has not expired; null for an unknown or expired ticket.</summary>
    [Alias("Redeem")]
    Task<StreamTicketGrant?> Redeem();
}
