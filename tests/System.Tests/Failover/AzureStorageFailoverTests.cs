using Governance.System.Tests.Hosting;
using Xunit.Abstractions;

namespace Governance.System.Tests.Failover;

/// <summary>The failover test with one storage account and nothing else: membership and reminders in Azurite's tables.</summary>
[Collection(TimedCollection.Name)]
public sealed class AzureStorageFailoverTests(ITestOutputHelper output) : FailoverTests(output, ClusterMembership.AzureStorage);
