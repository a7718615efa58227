using Orleans.Configuration;

namespace Governance.Grains.Hosting;

/// <summary>
/// Orleans settings under which a cluster gets over a dead silo in seconds, applied where the operator set nothing.
/// Orleans never breaks a call that is waiting on a silo that died (it keeps no caller of
/// BreakOutstandingMessagesToSilo): such a call ends only at its response timeout, so that timeout bounds every
/// request. A silo is declared dead once it misses <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/> probes
/// (the last one sent through another silo, whose vote counts too), and the others learn it by gossip at once.
/// </summary>
public static class FailoverDefaults
{
    /// <summary>Orleans' own setting, read by clients and silos alike.</summary>
    public const string ResponseTimeoutKey = "Orleans:Messaging:ResponseTimeout";

    /// <summary>
    /// How long a grain call may wait for its answer: Orleans' 30 s would hold an HTTP request, or a grain calling a
    /// grain on the dead silo, that long. Our calls are one small append or read; a slower one fails and is retried.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Probes once a second instead of every 5 s, so three missed probes declare a silo dead in about 3 s.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a silo reads the membership table itself: the fallback when a gossip message about a death is
    /// lost (60 s in Orleans). One read of a small table or key every 10 s per silo.
    /// </summary>
    public static readonly TimeSpan TableRefreshTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Failure detection, before the operator's Orleans:Membership section is bound over it.</summary>
    public static void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.TableRefreshTimeout = TableRefreshTimeout;
    }
}
