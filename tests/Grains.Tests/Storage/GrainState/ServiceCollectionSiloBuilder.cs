using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Grains.Tests.Storage.GrainState;

/// <summary>Lets a silo registration extension run against a bare service collection, without starting a silo.</summary>
internal sealed class ServiceCollectionSiloBuilder(IServiceCollection services) : ISiloBuilder
{
    public IServiceCollection Services => services;

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();
}
