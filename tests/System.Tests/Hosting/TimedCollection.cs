namespace Governance.System.Tests.Hosting;

/// <summary>
/// Tests that assert how many seconds a cluster takes (failover, outages, shutdown) run alone, after the others: on two
/// cores, a second cluster starting beside them starves their silos of the CPU the bounds are about.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedCollection
{
    public const string Name = "timed";
}
