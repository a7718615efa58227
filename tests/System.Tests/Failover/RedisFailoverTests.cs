using Governance.System.Tests.Hosting;
using Xunit.Abstractions;

namespace Governance.System.Tests.Failover;

/// <summary>The failover test with membership and reminders in Redis.</summary>
[Collection(TimedCollection.Name)]
public sealed class RedisFailoverTests(ITestOutputHelper output) : FailoverTests(output, ClusterMembership.Redis);
