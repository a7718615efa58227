using BenchmarkDotNet.Attributes;
using Governance.Domain.Priorities;

namespace Governance.Benchmarks.Priorities;

[MemoryDiagnoser]
public class SchulzeBenchmarks
{
    private const int Seed = 20250302;

    private PriorityPoll _poll = null!;
    private RankedBallot[] _ballots = null!;

    [Params(10, 25, 50)]
    public int Items { get; set; }

    [Params(10_000, 100_000)]
    public int Ballots { get; set; }

    [GlobalSetup]
    public void BuildBallots()
    {
        _poll = RandomRankedBallots.Poll(Items);
        _ballots = RandomRankedBallots.Build(_poll, Ballots, Seed);
    }

    [Benchmark]
    public SchulzeResult Schulze() => SchulzeMethod.Tally(_poll, _ballots);
}
