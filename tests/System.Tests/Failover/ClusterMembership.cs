namespace Governance.System.Tests.Failover;

/// <summary>Where a <see cref="LocalCluster"/> keeps membership and reminders.</summary>
public enum ClusterMembership
{
    Redis,
    AzureStorage,
}
