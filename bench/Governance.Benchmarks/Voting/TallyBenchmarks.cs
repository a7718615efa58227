using BenchmarkDotNet.Attributes;
using Governance.Domain.Voting;

namespace Governance.Benchmarks.Voting;

[MemoryDiagnoser]
public class TallyBenchmarks
{
    private const int Seed = 20250301;

    private DelegationNetwork _network = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void BuildNetwork() => _network = LayeredDelegationGraph.Build(Members, Seed);

    [Benchmark]
    public TallyCounts Tally() => LiquidResolver.Tally(_network);
}
