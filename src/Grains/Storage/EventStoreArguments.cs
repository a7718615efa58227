namespace Governance.Grains.Storage;

/// <summary>Argument checks every <see cref="IEventStore"/> shares, so all stores reject the same calls.</summary>
internal static class EventStoreArguments
{
    public static void ValidateStream(string streamId) => ArgumentException.ThrowIfNullOrEmpty(streamId);

    public static void ValidateAppend(string streamId, long expectedVersion, IReadOnlyList<byte[]> events)
    {
        ValidateStream(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var data in events)
        {
            ArgumentNullException.ThrowIfNull(data, nameof(events));
        }
    }

    public static void ValidateSnapshot(string streamId, SnapshotRecord snapshot)
    {
        ValidateStream(streamId);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(snapshot.Data, nameof(snapshot));
        ArgumentOutOfRangeException.ThrowIfNegative(snapshot.Version, nameof(snapshot));
    }
}
