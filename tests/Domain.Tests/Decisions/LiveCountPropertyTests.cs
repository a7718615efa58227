using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Cooperatives;
using Governance.Domain.Decisions;
using Governance.Domain.Tests.Voting;
using Governance.Domain.Voting;
using Xunit.Abstractions;

namespace Governance.Domain.Tests.Decisions;

/// <summary>
/// A decision counted live must show, after every step, the result a full pass gives over the same roster and layers:
/// the counts of a proposal, every poll ballot's weight and the Schulze ranking, and every member's trace. The steps
/// are ballots, withdrawals, decision-scope delegations, blocks and clears, default and topic entries the cooperative
/// sends, and departures. The seed of each run is in the test output.
/// </summary>
public sealed class LiveCountPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Items = ["a", "b", "c"];

    [Fact]
    public void A_proposal_counted_live_shows_what_a_full_pass_counts() =>
        SeededProperty.Check(output, Gen.Choose(0, int.MaxValue).ToArbitrary(), seed => Run(seed, poll: false), maxTest: 400, endSize: 100);

    [Fact]
    public void A_poll_counted_live_weighs_and_ranks_as_a_full_pass_does() =>
        SeededProperty.Check(output, Gen.Choose(0, int.MaxValue).ToArbitrary(), seed => Run(seed, poll: true), maxTest: 300, endSize: 100);

    private static void Run(int seed, bool poll)
    {
        var random = new Random(seed);
        var count = random.Next(1, 25);
        var ids = Enumerable.Range(0, count).Select(index => $"m{index}").ToArray();
        var eligible = ids.Select(_ => random.Next(6) > 0).ToArray();
        var roster = new EligibleRoster(ids, eligible);
        var defaultLayer = ids.Select(_ => RandomEntry(random, count)).ToArray();
        var topicLayer = ids.Select(_ => random.Next(3) == 0 ? RandomEntry(random, count) : DelegationEntry.None).ToArray();
        var decision = poll ? PollScenario.InVoting() : ProposalScenario.InVoting(topic: "bread");
        var left = new HashSet<string>();

        // Some history before the count starts, then the live count, then every step checked.
        var steps = random.Next(1, 60);
        var startAt = random.Next(0, Math.Min(steps, 10));
        var version = 1L;
        for (var step = 0; step < steps; step++)
        {
            if (step == startAt)
            {
                var memberships = ids.Select((id, index) => KeyValuePair.Create(id, index)).Append(KeyValuePair.Create("ghost", -1)).ToDictionary();
                var (entries, atTopic) = Combined(defaultLayer, topicLayer);
                decision.StartLiveCount(eligible, entries, atTopic, version, memberships);
            }

            version++;
            var member = random.Next(count);
            var memberId = ids[member];
            var now = DecisionScenario.Now;
            switch (random.Next(9))
            {
                case 0 or 1 when eligible[member] && !left.Contains(memberId):
                    ApplyIf(decision, decision.DecideCastBallot(memberId, RandomBallot(random, poll), eligible: true, now));
                    break;
                case 2 when eligible[member] && !left.Contains(memberId) && decision.Ballots.ContainsKey(memberId):
                    ApplyIf(decision, decision.DecideWithdrawBallot(memberId, eligible: true, now));
                    break;
                case 3 when !left.Contains(memberId):
                    var target = random.Next(count + 2);
                    var delegateId = target == count ? null : target == count + 1 ? "ghost" : ids[target];
                    if (delegateId is null || !left.Contains(delegateId))
                    {
                        ApplyIf(decision, decision.DecideSetDelegation(memberId, delegateId, now));
                    }

                    break;
                case 4 when !left.Contains(memberId):
                    ApplyIf(decision, decision.DecideClearDelegation(memberId, now));
                    break;
                case 5 or 6:
                    var layer = random.Next(2) == 0 ? defaultLayer : topicLayer;
                    layer[member] = left.Contains(memberId) ? DelegationEntry.None : RandomEntry(random, count, except: left.Select(id => Array.IndexOf(ids, id)));
                    Follow(decision, version, defaultLayer, topicLayer, [member]);
                    break;
                case 7 when random.Next(3) == 0 && !left.Contains(memberId):
                    // The cooperative ends the member's entries and those to them, sends the changes, and tells the decision.
                    left.Add(memberId);
                    var changed = EndEntries(defaultLayer, member).Concat(EndEntries(topicLayer, member)).Append(member).Distinct().ToArray();
                    Follow(decision, version, defaultLayer, topicLayer, changed);
                    ApplyIf(decision, decision.DecideMemberLeft(memberId, now));
                    break;
            }

            if (decision.Live is not null)
            {
                AssertSameAsFullPass(decision, roster, new ClosingLayers(defaultLayer, topicLayer));
            }
        }
    }

    private static void AssertSameAsFullPass(Decision decision, EligibleRoster roster, ClosingLayers layers)
    {
        var (expected, actual) = (decision.Result(roster, layers), decision.LiveResult());
        if (expected is RankingResult ranked)
        {
            // Ranking results hold lists, which records compare by reference.
            var live = Assert.IsType<RankingResult>(actual);
            Assert.Equal((ranked.Eligible, ranked.Participation), (live.Eligible, live.Participation));
            Assert.Equal(ranked.Ranking.Entries, live.Ranking.Entries);
        }
        else
        {
            Assert.Equal(expected, actual);
        }

        Assert.Equal(decision.BallotWeights(roster, layers), decision.LiveBallotWeights());
        for (var member = 0; member < roster.MemberIds.Length; member++)
        {
            if (roster.Eligible[member])
            {
                var full = decision.Trace(roster, layers, member);
                var followed = decision.Live!.Trace(member);
                Assert.Equal(full.Hops, followed.Hops);
                Assert.Equal((full.Carrier, full.Choice, full.Loss, full.EndedAt), (followed.Carrier, followed.Choice, followed.Loss, followed.EndedAt));
            }
        }
    }

    private static void Follow(Decision decision, long version, int[] defaultLayer, int[] topicLayer, int[] members)
    {
        var (entries, atTopic) = Combined(defaultLayer, topicLayer);
        decision.Live?.Follow(version, members, [.. members.Select(member => entries[member])], [.. members.Select(member => atTopic[member])]);
    }

    private static (int[] Entries, bool[] AtTopic) Combined(int[] defaultLayer, int[] topicLayer) =>
        ([.. topicLayer.Select((entry, member) => entry != DelegationEntry.None ? entry : defaultLayer[member])],
         [.. topicLayer.Select(entry => entry != DelegationEntry.None)]);

    private static List<int> EndEntries(int[] layer, int member)
    {
        var changed = new List<int>();
        for (var from = 0; from < layer.Length; from++)
        {
            if (from == member || layer[from] == member)
            {
                layer[from] = DelegationEntry.None;
                changed.Add(from);
            }
        }

        return changed;
    }

    private static int RandomEntry(Random random, int count, IEnumerable<int>? except = null)
    {
        var entry = random.Next(-2, count);
        return except?.Contains(entry) == true ? DelegationEntry.None : entry;
    }

    private static BallotMarks RandomBallot(Random random, bool poll) =>
        poll
            ? PollScenario.Ranking(string.Join('|', Items.OrderBy(_ => random.Next())))
            : BallotMarks.Of((Choice)random.Next(1, 4));

    private static void ApplyIf(Decision decision, DecisionEvent? change)
    {
        if (change is not null)
        {
            decision.Apply(change);
        }
    }
}
