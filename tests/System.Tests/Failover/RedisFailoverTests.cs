using Xunit.Abstractions;

namespace Governance.System.Tests.Failover;

/// <summary>The failover test with membership and reminders in Redis.</summary>
public sealed class RedisFailoverTests(ITestOutputHelper output) : FailoverTests(output, ClusterMembership.Redis);
