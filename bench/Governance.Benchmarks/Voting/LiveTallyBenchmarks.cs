using BenchmarkDotNet.Attributes;
using Governance.Domain.Voting;

namespace Governance.Benchmarks.Voting;

/// <summary>
/// What one change costs a <see cref="LiveTally"/> at a million members (600,000 delegations in chains up to 50 deep,
/// 250,000 direct votes), against the full pass every read would otherwise take. Each measured invocation applies
/// the same change to <see cref="ChangesPerInvocation"/> different members, and the iteration setup undoes them, so
/// that every invocation starts from the same network; the figures are per change. "deepest" takes members 50 hops
/// from the end of their chain, "random" any member who delegates.
/// </summary>
[MemoryDiagnoser]
public class LiveTallyBenchmarks
{
    private const int Members = 1_000_000;
    private const int Seed = 20250301;
    private const int ChangesPerInvocation = 2_000;

    private DelegationNetwork _network = null!;
    private LiveTally _tally = null!;
    private int[] _changed = null!;
    private int[] _formerDelegates = null!;
    private int[] _newDelegates = null!;

    [Params("deepest", "random")]
    public string Chains { get; set; } = "";

    [GlobalSetup]
    public void BuildNetwork()
    {
        _network = LayeredDelegationGraph.Build(Members, Seed);
        _tally = new LiveTally(_network);
        var picked = PickDelegators(Chains == "deepest" ? LayeredDelegationGraph.MaxDepth : 1, 2 * ChangesPerInvocation);
        _changed = picked[..ChangesPerInvocation];
        _formerDelegates = [.. _changed.Select(_tally.DelegateOf)];
        _newDelegates = [.. picked[ChangesPerInvocation..].Select(_tally.DelegateOf)];
    }

    [Benchmark(Baseline = true)]
    public TallyCounts FullPass() => LiquidResolver.Tally(_network);

    [Benchmark]
    public LiveTally Build() => new(_network);

    [IterationSetup(Target = nameof(Vote))]
    public void WithdrawVotes() => SetChoices(null);

    [Benchmark(OperationsPerInvoke = ChangesPerInvocation)]
    public TallyCounts Vote() => SetChoices(Choice.Yes);

    [IterationSetup(Target = nameof(Withdraw))]
    public void CastVotes() => SetChoices(Choice.Yes);

    [Benchmark(OperationsPerInvoke = ChangesPerInvocation)]
    public TallyCounts Withdraw() => SetChoices(null);

    [IterationSetup(Target = nameof(ChangeDelegate))]
    public void RestoreDelegates() => SetDelegates(_formerDelegates);

    [Benchmark(OperationsPerInvoke = ChangesPerInvocation)]
    public TallyCounts ChangeDelegate() => SetDelegates(_newDelegates);

    private TallyCounts SetChoices(Choice? choice)
    {
        foreach (var member in _changed)
        {
            _tally.SetDirectChoice(member, choice);
        }

        return _tally.Counts;
    }

    private TallyCounts SetDelegates(int[] delegates)
    {
        for (var index = 0; index < _changed.Length; index++)
        {
            _tally.SetDelegate(_changed[index], delegates[index]);
        }

        return _tally.Counts;
    }

    /// <summary>Distinct random members whose chains are at least <paramref name="minimumHops"/> long.</summary>
    private int[] PickDelegators(int minimumHops, int count)
    {
        var random = new Random(Seed);
        var picked = new HashSet<int>();
        while (picked.Count < count)
        {
            var member = random.Next(Members);
            if (LiquidResolver.Trace(_network, member).Hops.Count >= minimumHops)
            {
                picked.Add(member);
            }
        }

        return [.. picked];
    }
}
