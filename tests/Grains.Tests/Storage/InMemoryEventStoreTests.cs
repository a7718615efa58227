using Governance.Grains.Storage;
using Governance.Grains.Storage.Memory;

namespace Governance.Grains.Tests.Storage;

public sealed class InMemoryEventStoreTests : EventStoreContract
{
    protected override Task<IEventStore> CreateStoreAsync() => Task.FromResult<IEventStore>(new InMemoryEventStore());
}
