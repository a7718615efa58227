using BenchmarkDotNet.Attributes;
using Governance.Benchmarks.Priorities;
using Governance.Benchmarks.Voting;
using Governance.Domain.Decisions;
using Governance.Domain.Voting;

namespace Governance.Benchmarks.Decisions;

/// <summary>
/// A live result as a decision grain reads it: the decision builds its delegation network from the cooperative's
/// roster and layers, its own delegations and its ballots, resolves it, and counts by its method. The members and
/// delegations are <see cref="LayeredDelegationGraph"/>'s; in the Schulze poll the direct voters rank ten items as
/// <see cref="RandomRankedBallots"/> does.
/// </summary>
[MemoryDiagnoser]
public class DecisionTallyBenchmarks
{
    private const int Seed = 20250303;
    private const int PollItems = 10;
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private EligibleRoster _roster = null!;
    private ClosingLayers _layers = null!;
    private Decision _proposal = null!;
    private Decision _poll = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void BuildDecisions()
    {
        var network = LayeredDelegationGraph.Build(Members, Seed);
        var ids = Enumerable.Range(0, Members).Select(index => $"m{index:D7}").ToArray();
        _roster = new EligibleRoster(ids, network.Eligible);
        var defaultLayer = DelegationEntry.EmptyLayer(Members);
        var topicLayer = DelegationEntry.EmptyLayer(Members);
        _proposal = Opened(CountingMethod.Majority, null);
        var items = RandomRankedBallots.Poll(PollItems);
        _poll = Opened(CountingMethod.Schulze, [.. items.Items.Select(item => new DecisionItem(item, item))]);
        var rankings = RandomRankedBallots.Build(items, Members, Seed);
        for (var member = 0; member < Members; member++)
        {
            if (network.DirectChoices[member] is { } choice)
            {
                _proposal.Apply(new BallotCast(At, ids[member], BallotMarks.Of(choice)));
                _poll.Apply(new BallotCast(At, ids[member], new BallotMarks(Ranking: rankings[member].Ranks)));
                continue;
            }

            var (delegateIndex, scope) = network.EffectiveDelegate(member);
            if (delegateIndex < 0)
            {
                continue;
            }

            switch (scope)
            {
                case DelegationScope.Default: defaultLayer[member] = delegateIndex; break;
                case DelegationScope.Topic: topicLayer[member] = delegateIndex; break;
                default:
                    _proposal.Apply(new DelegationSet(At, ids[member], ids[delegateIndex]));
                    _poll.Apply(new DelegationSet(At, ids[member], ids[delegateIndex]));
                    break;
            }
        }

        _layers = new ClosingLayers(defaultLayer, topicLayer);
    }

    [Benchmark]
    public DecisionResult MajorityTally() => _proposal.Result(_roster, _layers);

    [Benchmark]
    public DecisionResult SchulzeResult() => _poll.Result(_roster, _layers);

    private static Decision Opened(CountingMethod method, IReadOnlyList<DecisionItem>? items)
    {
        var decision = new Decision(DecisionKind.Of(method));
        decision.Apply(new DecisionCreated(At, "bench", "Benchmark", null, "topic", method, null, "m0000000", items, Threshold: 0.5));
        decision.Apply(new VotingOpened(At, 1, "m0000000"));
        return decision;
    }
}
