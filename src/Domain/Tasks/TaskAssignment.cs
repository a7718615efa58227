using Governance.Domain.Identifiers;
using Governance.Domain.Rules;

namespace Governance.Domain.Tasks;

/// <summary>
/// Suggests who could take which open task, maximising the sum of priority × fit over suggested pairs, with each task
/// suggested to at most one member and no member's suggested effort above their weekly capacity.
/// </summary>
/// <remarks>
/// <para>
/// Fit is the share of a task's required skills the member has (a task requiring none fits everyone fully). Pairs
/// with fit 0, with priority 0 (they add nothing), whose effort alone exceeds the member's capacity, or that the
/// member declined are never suggested.
/// </para>
/// <para>
/// With efforts that differ, capacity in hours makes this a generalised assignment problem (NP-hard), so it is
/// solved in two steps. First an exact min-cost flow source → task (capacity 1) → member (cost −priority × fit) →
/// sink, where the member → sink capacity is a number of task slots: floor(capacity / the largest effort among the
/// tasks the member could take). Any set of that many tasks fits in the member's hours, so the flow is always
/// feasible. Then the hours the slots left over are filled greedily, best score first.
/// </para>
/// <para>
/// Guarantee: when all tasks a member could take share one effort (in particular when all efforts are equal), the
/// slots describe the member's feasible sets exactly, so the plan is optimal. Otherwise the plan is feasible but may
/// fall short of the optimum. Ties are broken by ordinal task and member ids, never by input order.
/// </para>
/// </remarks>
public static class TaskAssignment
{
    public static AssignmentPlan Suggest(IReadOnlyCollection<OpenTask> tasks, IReadOnlyCollection<Volunteer> members)
    {
        var sortedTasks = tasks.OrderBy(task => task.Id, StringComparer.Ordinal).ToArray();
        var sortedMembers = members.OrderBy(member => member.Id, StringComparer.Ordinal).ToArray();
        Validate(sortedTasks, sortedMembers);

        var pairs = CandidatePairs.Find(sortedTasks, sortedMembers);
        var chosen = SlotMatching.Solve(pairs, sortedTasks.Length, Slots(sortedTasks, sortedMembers, pairs));
        FillLeftoverHours(sortedTasks, sortedMembers, pairs, chosen);
        return Explain(sortedTasks, sortedMembers, pairs, chosen);
    }

    private static void Validate(OpenTask[] tasks, Volunteer[] members)
    {
        for (var index = 0; index < tasks.Length; index++)
        {
            var task = tasks[index];
            ResourceId.Require(task.Id, "task.id");
            if (index > 0 && tasks[index - 1].Id == task.Id)
            {
                throw RuleViolationException.Invalid("duplicate-task", $"Task '{task.Id}' appears twice.", "task.id");
            }

            if (task.EffortHours < 1)
            {
                throw RuleViolationException.Invalid("invalid-effort", $"Task '{task.Id}' needs a positive effort in hours.", "task.effortHours");
            }

            if (!double.IsFinite(task.Priority) || task.Priority < 0)
            {
                throw RuleViolationException.Invalid("invalid-priority", $"Task '{task.Id}' needs a finite, non-negative priority.", "task.priority");
            }
        }

        for (var index = 0; index < members.Length; index++)
        {
            var member = members[index];
            ResourceId.Require(member.Id, "member.id");
            if (index > 0 && members[index - 1].Id == member.Id)
            {
                throw RuleViolationException.Invalid("duplicate-member", $"Member '{member.Id}' appears twice.", "member.id");
            }

            if (member.WeeklyCapacityHours < 0)
            {
                throw RuleViolationException.Invalid("invalid-capacity", $"Member '{member.Id}' cannot have a negative capacity.", "member.weeklyCapacityHours");
            }
        }
    }

    /// <summary>
    /// floor(capacity / the largest effort among the member's candidate tasks), and never more than that number of
    /// tasks, which is all the member could use.
    /// </summary>
    private static int[] Slots(OpenTask[] tasks, Volunteer[] members, CandidatePairs pairs)
    {
        var largestEffort = new int[members.Length];
        var candidateTasks = new int[members.Length];
        for (var task = 0; task < tasks.Length; task++)
        {
            for (var pair = pairs.FirstOf(task); pair < pairs.EndOf(task); pair++)
            {
                var member = pairs.Member(pair);
                largestEffort[member] = Math.Max(largestEffort[member], tasks[task].EffortHours);
                candidateTasks[member]++;
            }
        }

        var slots = new int[members.Length];
        for (var member = 0; member < members.Length; member++)
        {
            if (candidateTasks[member] > 0)
            {
                slots[member] = Math.Min(members[member].WeeklyCapacityHours / largestEffort[member], candidateTasks[member]);
            }
        }

        return slots;
    }

    /// <summary>Slots round hours down, so members may have hours left; give them the best remaining pairs that fit.</summary>
    private static void FillLeftoverHours(OpenTask[] tasks, Volunteer[] members, CandidatePairs pairs, int[] chosen)
    {
        var hoursLeft = members.Select(member => member.WeeklyCapacityHours).ToArray();
        var left = new List<(double Score, int Task, int Member, int Pair)>();
        for (var task = 0; task < tasks.Length; task++)
        {
            if (chosen[task] >= 0)
            {
                hoursLeft[pairs.Member(chosen[task])] -= tasks[task].EffortHours;
                continue;
            }

            for (var pair = pairs.FirstOf(task); pair < pairs.EndOf(task); pair++)
            {
                left.Add((pairs.Score(pair), task, pairs.Member(pair), pair));
            }
        }

        left.Sort((one, other) => one.Score != other.Score ? other.Score.CompareTo(one.Score) : (one.Task, one.Member).CompareTo((other.Task, other.Member)));
        foreach (var (_, task, member, pair) in left)
        {
            if (chosen[task] < 0 && tasks[task].EffortHours <= hoursLeft[member])
            {
                chosen[task] = pair;
                hoursLeft[member] -= tasks[task].EffortHours;
            }
        }
    }

    private static AssignmentPlan Explain(OpenTask[] tasks, Volunteer[] members, CandidatePairs pairs, int[] chosen)
    {
        var hoursUsed = new int[members.Length];
        for (var task = 0; task < tasks.Length; task++)
        {
            if (chosen[task] >= 0)
            {
                hoursUsed[pairs.Member(chosen[task])] += tasks[task].EffortHours;
            }
        }

        var suggestions = new List<TaskSuggestion>();
        for (var task = 0; task < tasks.Length; task++)
        {
            if (chosen[task] < 0)
            {
                continue;
            }

            var member = pairs.Member(chosen[task]);
            suggestions.Add(new TaskSuggestion(
                tasks[task].Id,
                members[member].Id,
                pairs.Fit(task, member),
                tasks[task].Priority,
                pairs.MatchedSkills(task, member),
                tasks[task].EffortHours,
                hoursUsed[member],
                members[member].WeeklyCapacityHours));
        }

        return new AssignmentPlan(suggestions);
    }
}
