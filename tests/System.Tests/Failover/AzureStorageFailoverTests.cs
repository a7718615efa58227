using Xunit.Abstractions;

namespace Governance.System.Tests.Failover;

/// <summary>The failover test with one storage account and nothing else: membership and reminders in Azurite's tables.</summary>
public sealed class AzureStorageFailoverTests(ITestOutputHelper output) : FailoverTests(output, ClusterMembership.AzureStorage);
