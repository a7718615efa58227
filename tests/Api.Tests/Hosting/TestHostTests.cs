using Governance.Grains.Storage;
using Governance.Grains.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Governance.Api.Tests.Hosting;

/// <summary>The fixture itself: the silo runs on the ports it chose, and keeps state in memory.</summary>
[Collection(ApiCollection.Name)]
public sealed class TestHostTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public void The_silo_listens_on_the_free_ports_the_fixture_chose()
    {
        var endpoints = Factory.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(Factory.SiloPort, endpoints.SiloPort);
        Assert.Equal(Factory.GatewayPort, endpoints.GatewayPort);
        Assert.NotEqual(Factory.SiloPort, Factory.GatewayPort);
    }

    [Fact]
    public void State_is_kept_in_memory()
    {
        Assert.IsType<InMemoryEventStore>(Factory.Services.GetRequiredService<IEventStore>());
    }
}
