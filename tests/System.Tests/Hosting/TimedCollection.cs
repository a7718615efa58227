namespace Governance.System.Tests.Hosting;

/// <summary>
/// Tests that kill silos or assert how many seconds a cluster takes (failover, outages, shutdown) run alone, after the
/// others: on two cores, a second cluster or a large import beside them starves their silos of the CPU the bounds and
/// the cluster's 3 s response timeout are about.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "timed";
}
