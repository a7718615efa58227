using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Tasks;

namespace Governance.Domain.Tests.Tasks;

/// <summary>A small assignment problem, printed in full when a property fails.</summary>
public sealed record AssignmentInstance(OpenTask[] Tasks, Volunteer[] Members)
{
    private static readonly string[] SkillPool = ["a", "b", "c", "d"];

    /// <summary>Up to 6 tasks and 4 members, so that <see cref="ReferenceAssignment"/> can enumerate every plan.</summary>
    public static Gen<AssignmentInstance> Generator() =>
        from taskCount in Gen.Choose(0, 6)
        from memberCount in Gen.Choose(0, 4)
        from tasks in Gen.ArrayOf(TaskGenerator(), taskCount)
        from members in Gen.ArrayOf(MemberGenerator(), memberCount)
        select new AssignmentInstance(
            tasks.Select((task, index) => task with { Id = $"t{index}" }).ToArray(),
            members.Select((member, index) => member with { Id = $"m{index}" }).ToArray());

    /// <summary>Every task takes the same hours: the case the plan is claimed optimal for.</summary>
    public static Gen<AssignmentInstance> EqualEffortGenerator() =>
        from instance in Generator()
        from effort in Gen.Choose(1, 4)
        select instance with { Tasks = instance.Tasks.Select(task => task with { EffortHours = effort }).ToArray() };

    /// <summary>
    /// Up to 40 equal-effort tasks competing for up to 12 members over a pool of 3 skills, so that routing a task often
    /// means moving others along: instances for <see cref="ReferenceMinCostFlow"/>, far beyond exhaustive search.
    /// </summary>
    public static Gen<AssignmentInstance> ContestedEqualEffortGenerator() =>
        from taskCount in Gen.Choose(1, 40)
        from memberCount in Gen.Choose(1, 12)
        from effort in Gen.Choose(1, 4)
        from tasks in Gen.ArrayOf(TaskGenerator(ContestedSkills()), taskCount)
        from members in Gen.ArrayOf(MemberGenerator(ContestedSkills()), memberCount)
        select new AssignmentInstance(
            tasks.Select((task, index) => task with { Id = $"t{index:D2}", EffortHours = effort }).ToArray(),
            members.Select((member, index) => member with { Id = $"m{index:D2}" }).ToArray());

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var task in Tasks)
        {
            text.Append(task.Id).Append(": needs {").AppendJoin(",", task.RequiredSkills.Order(StringComparer.Ordinal))
                .Append("}, ").Append(task.EffortHours).Append(" h, priority ").Append(task.Priority).AppendLine();
        }

        foreach (var member in Members)
        {
            text.Append(member.Id).Append(": has {").AppendJoin(",", member.Skills.Order(StringComparer.Ordinal))
                .Append("}, ").Append(member.WeeklyCapacityHours).AppendLine(" h/week");
        }

        return text.ToString();
    }

    private static Gen<OpenTask> TaskGenerator() => TaskGenerator(Skills());

    private static Gen<OpenTask> TaskGenerator(Gen<IReadOnlySet<string>> skillSets) =>
        from skills in skillSets
        from effort in Gen.Choose(1, 6)
        from priority in Gen.Elements(0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 10.0)
        select new OpenTask("unnamed", skills, effort, priority);

    private static Gen<Volunteer> MemberGenerator() => MemberGenerator(Skills());

    private static Gen<Volunteer> MemberGenerator(Gen<IReadOnlySet<string>> skillSets) =>
        from skills in skillSets
        from capacity in Gen.Choose(0, 12)
        select new Volunteer("unnamed", skills, capacity);

    private static Gen<IReadOnlySet<string>> Skills() => Skills(SkillPool);

    private static Gen<IReadOnlySet<string>> ContestedSkills() => Skills(SkillPool[..3]);

    private static Gen<IReadOnlySet<string>> Skills(string[] pool) =>
        from mask in Gen.ArrayOf(Gen.Elements(true, false), pool.Length)
        select (IReadOnlySet<string>)pool.Where((_, index) => mask[index]).ToHashSet(StringComparer.Ordinal);
}

public static class AssignmentInstances
{
    public static Arbitrary<AssignmentInstance> Any() => AssignmentInstance.Generator().ToArbitrary();
}

public static class EqualEffortInstances
{
    public static Arbitrary<AssignmentInstance> EqualEffort() => AssignmentInstance.EqualEffortGenerator().ToArbitrary();
}

public static class ContestedEqualEffortInstances
{
    public static Arbitrary<AssignmentInstance> ContestedEqualEffort() => AssignmentInstance.ContestedEqualEffortGenerator().ToArbitrary();
}
