using Governance.Grains.Hosting;
using Microsoft.Extensions.Configuration;

namespace Governance.Grains.Tests.Hosting;

public sealed class KubernetesIdentityTests
{
    [Fact]
    public void Pod_variables_override_the_orleans_section()
    {
        var options = KubernetesIdentity.ReadOrleansOptions(Configuration(new()
        {
            ["Orleans:ClusterId"] = "from-file",
            ["Orleans:ServiceId"] = "from-file",
            ["Orleans:AdvertisedAddress"] = "10.0.0.1",
            ["Orleans:SiloName"] = "from-file",
            ["POD_IP"] = "10.1.2.3",
            ["POD_NAME"] = "silo-7d9f-abcde",
            ["ORLEANS_CLUSTER_ID"] = "prod-blue",
            ["ORLEANS_SERVICE_ID"] = "governance-prod",
        }));

        Assert.Equal("10.1.2.3", options.AdvertisedAddress);
        Assert.Equal("silo-7d9f-abcde", options.SiloName);
        Assert.Equal("prod-blue", options.ClusterId);
        Assert.Equal("governance-prod", options.ServiceId);
    }

    [Fact]
    public void Without_pod_variables_the_section_and_its_defaults_apply()
    {
        var options = KubernetesIdentity.ReadOrleansOptions(Configuration(new()
        {
            ["Orleans:MembershipProvider"] = "Redis",
            ["Orleans:RedisConnectionString"] = "redis:6379",
            ["Orleans:ClusterId"] = "staging",
            ["Orleans:ShutdownTimeout"] = "00:00:45",
            ["POD_IP"] = "",
        }));

        Assert.Equal(MembershipProvider.Redis, options.MembershipProvider);
        Assert.Equal("redis:6379", options.RedisConnectionString);
        Assert.Equal("staging", options.ClusterId);
        Assert.Equal("governance", options.ServiceId);
        Assert.Equal("", options.AdvertisedAddress);
        Assert.Equal((11111, 30000), (options.SiloPort, options.GatewayPort));
        Assert.Equal(TimeSpan.FromSeconds(45), options.ShutdownTimeout);
        Assert.Equal(OrleansMode.CoHosted, options.Mode);
    }

    [Fact]
    public void Redis_membership_without_a_connection_string_is_refused_with_the_key_to_set()
    {
        var options = KubernetesIdentity.ReadOrleansOptions(Configuration(new() { ["Orleans:MembershipProvider"] = "Redis" }));

        var error = Assert.Throws<InvalidOperationException>(() => GovernanceClusteringExtensions.RequireRedis(options));
        Assert.Contains("Orleans:RedisConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
