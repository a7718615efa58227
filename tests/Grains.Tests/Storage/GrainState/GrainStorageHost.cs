using Governance.Grains.Hosting;
using Governance.Grains.Storage.GrainState;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace Governance.Grains.Tests.Storage.GrainState;

/// <summary>
/// The grain storage exactly as <see cref="GrainStorageRegistration.AddGovernanceGrainStorage"/> registers it, with its
/// start-up work done, but no silo around it. Each host is a fresh instance over the same file or container.
/// </summary>
internal sealed class GrainStorageHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly SiloLifecycleSubject lifecycle;

    private GrainStorageHost(ServiceProvider services, SiloLifecycleSubject lifecycle)
    {
        this.services = services;
        this.lifecycle = lifecycle;
    }

    public IGrainStorage Storage => services.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Governance);

    public IServiceProvider Services => services;

    public static async Task<GrainStorageHost> StartAsync(StorageOptions storage)
    {
        var collection = new ServiceCollection().AddLogging().AddSerializer();
        new ServiceCollectionSiloBuilder(collection).AddGovernanceGrainStorage(storage);
        var services = collection.BuildServiceProvider();
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        foreach (var participant in services.GetServices<ILifecycleParticipant<ISiloLifecycle>>())
        {
            participant.Participate(lifecycle);
        }

        await lifecycle.OnStart();
        return new GrainStorageHost(services, lifecycle);
    }

    public async ValueTask DisposeAsync()
    {
        await lifecycle.OnStop();
        await services.DisposeAsync();
    }
}
