namespace Governance.Grains.EventSourcing;

public sealed class EventSourcingOptions
{
    public const string Section = "EventSourcing";

    /// <summary>How many events may follow the last snapshot before a new one is written, bounding replay at activation.</summary>
    public int SnapshotEvery { get; set; } = 500;
}
