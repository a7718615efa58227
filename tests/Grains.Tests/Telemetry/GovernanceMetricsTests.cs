using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Governance.Contracts.Proposals;
using Governance.Grains.Telemetry;
using Governance.Grains.Tests.Cluster;

namespace Governance.Grains.Tests.Telemetry;

/// <summary>
/// What operators see of voting in the governance meter. Other tests in the process may add to the same instruments,
/// so counts are at least what this test caused.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GovernanceMetricsTests(ClusterFixture fixture) : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentBag<(string Instrument, long Value, string? Decision)> _measurements = [];

    [Fact]
    public async Task Votes_tallies_appends_and_batch_sizes_are_measured()
    {
        Listen();
        var scenario = await new Scenario(fixture.Client).WithMembers("ann", "ben", "cat");
        var proposal = await scenario.OpenProposal();

        await Task.WhenAll(proposal.Vote("ann", VoteChoice.Yes), proposal.Vote("ben", VoteChoice.No), proposal.Vote("cat", VoteChoice.Yes));
        await proposal.GetResult();
        _listener.Dispose();

        Assert.True(Sum("governance.votes", "proposal") >= 3);
        Assert.True(Sum("governance.tallies", "proposal") >= 1);
        Assert.True(Sum("governance.store.appends") >= 1);
        Assert.True(Sum("governance.store.events") >= 3);

        // The three ballots went into appends whose batch sizes add up to at least three events.
        Assert.True(Count("governance.group_commit.batch_size") >= 1);
        Assert.True(Sum("governance.group_commit.batch_size") >= 3);
    }

    public void Dispose() => _listener.Dispose();

    private void Listen()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GovernanceMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? decision = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "decision")
            {
                decision = tag.Value as string;
            }
        }

        _measurements.Add((instrument.Name, value, decision));
    }

    private long Sum(string instrument, string? decision = null) =>
        _measurements.Where(m => m.Instrument == instrument && (decision is null || m.Decision == decision)).Sum(m => m.Value);

    private long Count(string instrument) => _measurements.Count(m => m.Instrument == instrument);
}
