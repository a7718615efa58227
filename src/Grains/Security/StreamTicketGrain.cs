using Governance.Contracts.Security;

namespace Governance.Grains.Security;

/// <summary>
/// A stream ticket's grant, held in memory until it expires; the grain then has nothing to keep and deactivates.
/// A ticket is issued once: a second grant for the same key (a collision of random tickets) is refused.
/// </summary>
public sealed class StreamTicketGrain(TimeProvider clock) : Grain, IStreamTicketGrain
{
    private StreamTicketGrant? _grant;

    public Task Issue(StreamTicketGrant grant)
    {
        if (_grant is not null)
        {
            throw new InvalidOperationException("This stream ticket was already issued.");
        }

        _grant = grant;

        // Kept active until it expires, then let go at once.
        DelayDeactivation(grant.ExpiresAt - clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<StreamTicketGrant?> Redeem()
    {
        if (_grant is { } grant && grant.ExpiresAt <= clock.GetUtcNow())
        {
            _grant = null;
            DeactivateOnIdle();
        }

        return Task.FromResult(_grant);
    }
}
