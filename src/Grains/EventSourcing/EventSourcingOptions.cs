namespace Governance.Grains.EventSourcing;

public sealed class EventSourcingOptions
{
    public const string Section = "EventSourcing";

    /// <summary>How many events may follow the last snapshot before a new one is written, bounding replay at activation.</summary>
    public int SnapshotEvery { get; set; } = 500;

    /// <summary>
    /// The most events a grain whose snapshot grows with its state (a cooperative's roster) lets follow its last
    /// snapshot, so that replay at activation stays bounded however large the state grows.
    /// </summary>
    public int MaxEventsBetweenSnapshots { get; set; } = 50_000;

    /// <summary>
    /// How long such a grain waits after its last append before it writes a snapshot anyway, once at least
    /// <see cref="SnapshotEvery"/> events followed the last one: a busy cooperative gone quiet then replays almost
    /// nothing after a crash, and the snapshot never holds up a burst of appends.
    /// </summary>
    public TimeSpan SnapshotWhenQuietFor { get; set; } = TimeSpan.FromSeconds(30);
}
