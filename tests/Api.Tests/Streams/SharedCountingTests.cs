using System.Diagnostics.Metrics;
using Governance.Grains.Telemetry;

namespace Governance.Api.Tests.Streams;

/// <summary>However many watch a decision, each change is counted once and every subscriber is sent that one result.</summary>
[Collection(MeasuredCollection.Name)]
public sealed class SharedCountingTests(ApiFactory factory) : ApiTest(factory)
{
    private const int Subscribers = 200;
    private const int Votes = 5;
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(600);

    [Fact]
    public async Task Two_hundred_subscribers_cost_one_count_per_change_and_all_see_the_same_results()
    {
        string[] members = [.. Enumerable.Range(0, Subscribers).Select(index => $"m{index:000}")];
        var cooperative = await Api.CreateCooperative(members: members);
        var proposal = await Api.OpenProposal(cooperative);
        var path = Routes.Tally(cooperative, proposal) + "/stream";
        var streams = await Task.WhenAll(members.Select(member => Api.As(member).OpenStream(path)));
        var seen = members.ToDictionary(member => member, _ => new List<string>());
        await ReceiveEverywhere(streams, seen, members, expectedYes: 0);

        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == GovernanceMetrics.MeterName && instrument.Name == "governance.tallies")
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "decision", Value: "proposal" })
                {
                    Interlocked.Add(ref counted, value);
                }
            }
        });
        listener.Start();

        for (var vote = 1; vote <= Votes; vote++)
        {
            await Api.Vote(cooperative, proposal, members[vote], "yes");
            await ReceiveEverywhere(streams, seen, members, expectedYes: vote);

            // Quiet intervals between changes, in which nothing may be counted again.
            await Task.Delay(QuietPeriod);
        }

        await Api.Close(cooperative, proposal);
        await ReceiveEverywhere(streams, seen, members, expectedYes: Votes);
        listener.Dispose();

        // One count per vote and one for the close, not one per subscriber.
        Assert.Equal(Votes + 1, Interlocked.Read(ref counted));
        Assert.Single(seen.Values.Select(ids => string.Join(' ', ids)).Distinct());
        Assert.Equal(Votes + 2, seen[members[0]].Count);
        foreach (var stream in streams)
        {
            Assert.Null(await stream.NextEventAsync());
            await stream.DisposeAsync();
        }
    }

    private static async Task ReceiveEverywhere(EventStream[] streams, Dictionary<string, List<string>> seen, string[] members, int expectedYes)
    {
        var messages = await Task.WhenAll(streams.Select(stream => stream.NextEventAsync()));
        for (var index = 0; index < streams.Length; index++)
        {
            var message = messages[index] ?? throw new InvalidOperationException("A stream ended early.");
            Assert.Equal(expectedYes, message.Json.GetProperty("counts").GetProperty("yes").GetInt32());
            seen[members[index]].Add(message.Id!);
        }
    }
}
