using Governance.Grains.Storage.GrainState;

namespace Governance.Grains.Tests.Storage.GrainState;

public interface IDeliveryCursorProbeGrain : IGrainWithStringKey
{
    Task AdvanceToAsync(long position);

    Task<long> ReadPositionAsync();
}

/// <summary>The last position delivered, kept the way a webhook's delivery cursor will be.</summary>
[GenerateSerializer]
public sealed class DeliveryCursor
{
    [Id(0)]
    public long Position { get; set; }
}

/// <summary>A grain whose state lives in the governance grain storage, so a test silo exercises it end to end.</summary>
public sealed class DeliveryCursorProbeGrain(
    [PersistentState("cursor", GrainStorageNames.Governance)] IPersistentState<DeliveryCursor> cursor)
    : Grain, IDeliveryCursorProbeGrain
{
    public Task AdvanceToAsync(long position)
    {
        cursor.State.Position = position;
        return cursor.WriteStateAsync();
    }

    public Task<long> ReadPositionAsync() => Task.FromResult(cursor.State.Position);
}
