using BenchmarkDotNet.Attributes;
using Governance.Domain.Tasks;

namespace Governance.Benchmarks.Tasks;

[MemoryDiagnoser]
public class SuggestionBenchmarks
{
    private const int Seed = 20250303;

    private OpenTask[] _tasks = null!;
    private Volunteer[] _members = null!;

    /// <summary>
    /// Growth at ten members per task over 50 skills, then two worst cases over 5 skills: dense (everyone matches
    /// nearly everything) and scarce (four tasks per member, so most routes displace other tasks).
    /// </summary>
    public static IEnumerable<TaskBoardShape> Shapes =>
    [
        new(100, 1_000, 50),
        new(1_000, 10_000, 50),
        new(2_000, 20_000, 50),
        new(1_000, 10_000, 5),
        new(2_000, 500, 5),
    ];

    [ParamsSource(nameof(Shapes))]
    public TaskBoardShape Board { get; set; } = null!;

    [GlobalSetup]
    public void BuildBoard() => (_tasks, _members) = RandomTaskBoard.Build(Board, Seed);

    [Benchmark]
    public AssignmentPlan Suggest() => TaskAssignment.Suggest(_tasks, _members);
}
