using Governance.Domain.Tasks;

namespace Governance.Domain.Tests.Tasks;

/// <summary>Independent references, written for clarity rather than speed: exhaustive search and the naive greedy.</summary>
public static class ReferenceAssignment
{
    public static double Fit(OpenTask task, Volunteer member) =>
        task.RequiredSkills.Count == 0
            ? 1.0
            : (double)task.RequiredSkills.Count(member.Skills.Contains) / task.RequiredSkills.Count;

    /// <summary>The best total over every plan: each task to nobody or to one member with fit &gt; 0 and hours left.</summary>
    public static double Optimum(AssignmentInstance instance)
    {
        var hoursLeft = instance.Members.Select(member => member.WeeklyCapacityHours).ToArray();
        return Best(instance, 0, hoursLeft);
    }

    /// <summary>Repeatedly takes the highest priority × fit pair that still fits, ties by task id then member id.</summary>
    public static double Greedy(AssignmentInstance instance)
    {
        var hoursLeft = instance.Members.ToDictionary(member => member.Id, member => member.WeeklyCapacityHours);
        var pairs = instance.Tasks
            .SelectMany(task => instance.Members.Select(member => (Task: task, Member: member, Score: task.Priority * Fit(task, member))))
            .Where(pair => pair.Score > 0)
            .OrderByDescending(pair => pair.Score)
            .ThenBy(pair => pair.Task.Id, StringComparer.Ordinal)
            .ThenBy(pair => pair.Member.Id, StringComparer.Ordinal);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var (task, member, score) in pairs)
        {
            if (!assigned.Contains(task.Id) && task.EffortHours <= hoursLeft[member.Id])
            {
                assigned.Add(task.Id);
                hoursLeft[member.Id] -= task.EffortHours;
                total += score;
            }
        }

        return total;
    }

    private static double Best(AssignmentInstance instance, int taskIndex, int[] hoursLeft)
    {
        if (taskIndex == instance.Tasks.Length)
        {
            return 0;
        }

        var task = instance.Tasks[taskIndex];
        var best = Best(instance, taskIndex + 1, hoursLeft);
        for (var member = 0; member < instance.Members.Length; member++)
        {
            var fit = Fit(task, instance.Members[member]);
            if (fit > 0 && task.EffortHours <= hoursLeft[member])
            {
                hoursLeft[member] -= task.EffortHours;
                best = Math.Max(best, (task.Priority * fit) + Best(instance, taskIndex + 1, hoursLeft));
                hoursLeft[member] += task.EffortHours;
            }
        }

        return best;
    }
}
