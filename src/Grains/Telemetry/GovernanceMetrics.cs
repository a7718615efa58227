using System.Diagnostics.Metrics;

namespace Governance.Grains.Telemetry;

/// <summary>The governance meter: what operators watch besides Orleans' own instruments.</summary>
public static class GovernanceMetrics
{
    public const string MeterName = "Governance";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Votes = Meter.CreateCounter<long>(
        "governance.votes", unit: "{vote}", description: "Ballots recorded, on proposals and priority polls.");

    private static readonly Counter<long> Tallies = Meter.CreateCounter<long>(
        "governance.tallies", unit: "{tally}", description: "Tallies and poll results computed.");

    private static readonly Counter<long> Appends = Meter.CreateCounter<long>(
        "governance.store.appends", unit: "{append}", description: "Appends made durable in the event store.");

    private static readonly Counter<long> AppendedEvents = Meter.CreateCounter<long>(
        "governance.store.events", unit: "{event}", description: "Events made durable in the event store.");

    // Powers of two show how many commands each append carried: 1 means no sharing, larger means group commit at work.
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram(
        "governance.group_commit.batch_size",
        unit: "{event}",
        description: "Events written together in one append.",
        tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    public static void VoteRecorded(string decision) => Votes.Add(1, new KeyValuePair<string, object?>("decision", decision));

    public static void TallyComputed(string decision) => Tallies.Add(1, new KeyValuePair<string, object?>("decision", decision));

    public static void Appended(int events)
    {
        Appends.Add(1);
        AppendedEvents.Add(events);
        BatchSize.Record(events);
    }
}
