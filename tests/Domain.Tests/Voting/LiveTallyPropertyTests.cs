using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Voting;
using Xunit.Abstractions;

namespace Governance.Domain.Tests.Voting;

/// <summary>
/// After every change of a random run, the live tally must count what a full <see cref="LiquidResolver"/> pass counts
/// over the network as it now stands: the same counts, the same carrier for every member, the same weight for every
/// ballot, and weight notifications that add up to those weights. The seed of each run is in the test output.
/// </summary>
public sealed class LiveTallyPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_change_leaves_what_a_full_pass_counts() =>
        SeededProperty.Check(output, LiveScenario.Generator().ToArbitrary(), FollowEveryChange, maxTest: 2000, endSize: 40);

    [Fact]
    public void Every_change_leaves_what_a_full_pass_counts_on_larger_networks() =>
        SeededProperty.Check(output, LiveScenario.Generator().ToArbitrary(), FollowEveryChange, maxTest: 60, endSize: 150);

    /// <summary>
    /// Guards the generator: the property only means something if runs close loops, open them by a vote and by a
    /// delegation, remove members who held something, and count long chains. A fixed seed keeps it from failing by chance.
    /// </summary>
    [Fact]
    public void Generated_runs_close_and_open_loops_and_remove_members()
    {
        var seen = new HashSet<string>();
        foreach (var scenario in LiveScenario.Generator().Sample(30, new Rnd(20260214), 150))
        {
            var model = new LiveModel(scenario.Start);
            var live = new LiveNetwork(scenario.Start.ToNetwork());
            var before = Traces(model.Snapshot());
            foreach (var change in scenario.Changes)
            {
                model.Apply(change, live);
                var after = Traces(model.Snapshot());
                var closed = before.Zip(after).Any(pair => pair.First.Loss != LossReason.Cycle && pair.Second.Loss == LossReason.Cycle);
                var opened = before.Zip(after).Any(pair => pair.First.Loss == LossReason.Cycle && pair.Second.Counted);
                if (closed)
                {
                    seen.Add("loop closed");
                }

                if (opened)
                {
                    seen.Add(change.Kind == LiveChangeKind.Vote ? "loop opened by a vote" : "loop opened by a delegation");
                }

                if (change.Kind == LiveChangeKind.Removal && before.Zip(after).Any(pair => pair.First.Counted != pair.Second.Counted))
                {
                    seen.Add("removal changed the count");
                }

                if (after.Any(trace => trace.Counted && trace.Hops.Count >= 8))
                {
                    seen.Add("long chain counted");
                }

                before = after;
            }
        }

        Assert.Equal(
            ["long chain counted", "loop closed", "loop opened by a delegation", "loop opened by a vote", "removal changed the count"],
            seen.Order(StringComparer.Ordinal));
    }

    private static void FollowEveryChange(LiveScenario scenario)
    {
        var model = new LiveModel(scenario.Start);
        var live = new LiveNetwork(scenario.Start.ToNetwork());
        var notified = Enumerable.Range(0, model.Count).Select(live.Tally.CarriedWeight).ToArray();
        live.Tally.CarriedWeightChanged += change =>
        {
            Assert.True(notified[change.Voter] == change.Before, $"{change} but the ballot carried {notified[change.Voter]}.");
            notified[change.Voter] = change.After;
        };

        RequireFullPass(model, live, notified, "building");
        for (var step = 0; step < scenario.Changes.Count; step++)
        {
            model.Apply(scenario.Changes[step], live);
            RequireFullPass(model, live, notified, $"change {step} ({scenario.Changes[step]})");
        }
    }

    private static void RequireFullPass(LiveModel model, LiveNetwork live, int[] notified, string after)
    {
        var network = model.Snapshot().ToNetwork();
        var members = Enumerable.Range(0, model.Count).ToArray();
        var expected = Describe(
            LiquidResolver.Tally(network), network.EffectiveDelegates(), LiquidResolver.ResolveCarriers(network), LiquidResolver.CarriedWeights(network));
        var actual = Describe(
            live.Tally.Counts,
            [.. members.Select(live.Tally.DelegateOf)],
            [.. members.Select(live.Tally.CarrierOf)],
            [.. members.Select(live.Tally.CarriedWeight)]);

        Assert.True(expected == actual, $"After {after}:\n expected {expected}\n was      {actual}");
        Assert.True(
            LiquidResolver.CarriedWeights(network).SequenceEqual(notified),
            $"After {after}: notifications add up to weights [{string.Join(' ', notified)}].");
    }

    private static string Describe(TallyCounts counts, int[] delegates, int[] carriers, int[] weights) =>
        $"{counts}, delegates [{string.Join(' ', delegates)}], carriers [{string.Join(' ', carriers)}], weights [{string.Join(' ', weights)}]";

    private static VoteTrace[] Traces(RandomNetwork network) =>
        [.. Enumerable.Range(0, network.Count).Select(member => ReferenceResolver.Follow(network, member))];
}
