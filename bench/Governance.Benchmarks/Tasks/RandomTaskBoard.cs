using Governance.Domain.Tasks;

namespace Governance.Benchmarks.Tasks;

/// <summary>How many open tasks, members and distinct skills a generated board has.</summary>
public sealed record TaskBoardShape(int Tasks, int Members, int Skills)
{
    public override string ToString() => $"{Tasks}x{Members}/{Skills}sk";
}

/// <summary>
/// Deterministic open tasks and volunteers. Skills are drawn uniformly from a pool of <see cref="TaskBoardShape.Skills"/>;
/// a member has 1–5 of them and 0–40 hours a week, a task needs 1–3 of them, 1–20 hours and has a priority in (0, 1].
/// With a pool of 50 skills a task has a skill and the hours of about one member in twelve; with a pool of 5, of more
/// than half of them.
/// </summary>
public static class RandomTaskBoard
{
    public static (OpenTask[] Tasks, Volunteer[] Members) Build(TaskBoardShape shape, int seed)
    {
        var random = new Random(seed);
        var skills = Enumerable.Range(0, shape.Skills).Select(index => $"skill-{index:D2}").ToArray();
        var tasks = new OpenTask[shape.Tasks];
        for (var task = 0; task < tasks.Length; task++)
        {
            var priority = 1 - random.NextDouble();
            tasks[task] = new OpenTask($"task-{task:D5}", Draw(random, skills, random.Next(1, 4)), random.Next(1, 21), priority);
        }

        var members = new Volunteer[shape.Members];
        for (var member = 0; member < members.Length; member++)
        {
            members[member] = new Volunteer($"member-{member:D6}", Draw(random, skills, random.Next(1, 6)), random.Next(0, 41));
        }

        return (tasks, members);
    }

    private static HashSet<string> Draw(Random random, string[] skills, int count)
    {
        var shuffled = skills.ToArray();
        random.Shuffle(shuffled);
        return shuffled.Take(count).ToHashSet(StringComparer.Ordinal);
    }
}
