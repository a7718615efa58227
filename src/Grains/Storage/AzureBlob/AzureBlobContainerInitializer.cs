namespace Governance.Grains.Storage.AzureBlob;

/// <summary>Creates the blob container while the silo starts, before any grain can read or append.</summary>
internal sealed class AzureBlobContainerInitializer(AzureBlobEventStore store) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(AzureBlobContainerInitializer), ServiceLifecycleStage.RuntimeInitialize, store.InitializeAsync);
}
