using Governance.Grains.Storage.GrainState;
using Governance.Grains.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;

namespace Governance.Grains.Hosting;

/// <summary>Registers the grain storage that <c>[PersistentState(name, GrainStorageNames.Governance)]</c> refers to.</summary>
public static class GrainStorageRegistration
{
    /// <summary>
    /// Adds the grain storage named <see cref="GrainStorageNames.Governance"/> on the store the event logs use: a table in
    /// the SQLite file, a container of its own in the Azure storage account, or memory. SQLite and Azure Blob store the
    /// same JSON (<see cref="GrainStateJsonSerializer"/>).
    /// </summary>
    public static ISiloBuilder AddGovernanceGrainStorage(this ISiloBuilder silo, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        switch (storage.Provider)
        {
            case StorageProvider.Memory:
                silo.AddMemoryGrainStorage(GrainStorageNames.Governance);
                break;
            case StorageProvider.Sqlite:
                var sqlite = storage.Sqlite.ToStoreOptions();

                // The event store of the same file, whose writer the grain state writes go through.
                silo.Services.TryAddSingleton(_ => new SqliteEventStore(sqlite));
                silo.Services.AddGrainStorage(
                    GrainStorageNames.Governance,
                    (services, _) => new SqliteGrainStorage(services.GetRequiredService<SqliteEventStore>(), services.GetRequiredService<IActivatorProvider>()));
                break;
            case StorageProvider.AzureBlob:
                var azureBlob = storage.AzureBlob;
                var account = AzureStorageAccount.From(storage);
                silo.AddAzureBlobGrainStorage(GrainStorageNames.Governance, options =>
                {
                    options.BlobServiceClient = account.CreateBlobServiceClient();
                    options.ContainerName = azureBlob.GrainStateContainer;
                    options.GrainStorageSerializer = GrainStateJsonSerializer.Instance;

                    // Orleans guards a clear without an ETag with If-None-Match: *, which a blob delete does not honour
                    // (Azurite deletes anyway), so it could remove state another activation wrote. Overwriting with an
                    // empty blob honours it, at the cost of one empty blob per cleared state.
                    options.DeleteStateOnClear = false;
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown storage provider '{storage.Provider}'.");
        }

        return silo;
    }
}
