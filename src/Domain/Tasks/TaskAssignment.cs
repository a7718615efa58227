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
/// with fit 0, with priority 0 (they add nothing), or whose effort alone exceeds the member's capacity are never
/// suggested.
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

        var candidates = Candidates(sortedTasks, sortedMembers);
        var chosen = ExactOnSlots(sortedTasks, sortedMembers, candidates);
        FillLeftoverHours(sortedTasks, sortedMembers, candidates, chosen);
        return Explain(sortedTasks, sortedMembers, chosen);
    }

    private sealed record Candidate(int Task, int Member, double Fit, double Score, IReadOnlyList<string> MatchedSkills);

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
    /// The pairs worth considering, in task then member order. A skill index keeps this proportional to the pairs
    /// sharing a skill rather than to tasks × members.
    /// </summary>
    private static List<Candidate> Candidates(OpenTask[] tasks, Volunteer[] members)
    {
        var skillSets = members.Select(member => new HashSet<string>(member.Skills, StringComparer.Ordinal)).ToArray();
        var membersBySkill = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var member = 0; member < members.Length; member++)
        {
            foreach (var skill in skillSets[member])
            {
                if (!membersBySkill.TryGetValue(skill, out var holders))
                {
                    membersBySkill[skill] = holders = [];
                }

                holders.Add(member);
            }
        }

        var candidates = new List<Candidate>();
        var matchCounts = new int[members.Length];
        var touched = new List<int>();
        for (var task = 0; task < tasks.Length; task++)
        {
            if (tasks[task].Priority == 0)
            {
                continue;
            }

            var required = tasks[task].RequiredSkills.Order(StringComparer.Ordinal).ToArray();

            if (required.Length == 0)
            {
                touched.AddRange(Enumerable.Range(0, members.Length));
            }

            foreach (var skill in required)
            {
                foreach (var member in membersBySkill.GetValueOrDefault(skill) ?? [])
                {
                    if (matchCounts[member]++ == 0)
                    {
                        touched.Add(member);
                    }
                }
            }

            touched.Sort();
            foreach (var member in touched)
            {
                var fit = required.Length == 0 ? 1.0 : (double)matchCounts[member] / required.Length;
                matchCounts[member] = 0;
                if (tasks[task].EffortHours <= members[member].WeeklyCapacityHours)
                {
                    var matched = required.Where(skillSets[member].Contains).ToArray();
                    candidates.Add(new Candidate(task, member, fit, tasks[task].Priority * fit, matched));
                }
            }

            touched.Clear();
        }

        return candidates;
    }

    /// <summary>The optimal choice when each member's capacity is counted in slots; returns the chosen pair per task.</summary>
    private static Candidate?[] ExactOnSlots(OpenTask[] tasks, Volunteer[] members, List<Candidate> candidates)
    {
        var largestEffort = new int[members.Length];
        foreach (var candidate in candidates)
        {
            largestEffort[candidate.Member] = Math.Max(largestEffort[candidate.Member], tasks[candidate.Task].EffortHours);
        }

        // Node order source, tasks, members, sink keeps every edge pointing to a higher index, as the flow requires.
        var source = 0;
        var firstMember = 1 + tasks.Length;
        var sink = firstMember + members.Length;
        var flow = new MinCostFlow(sink + 1);
        for (var task = 0; task < tasks.Length; task++)
        {
            flow.AddEdge(source, 1 + task, 1, 0);
        }

        var pairEdges = candidates.Select(candidate => flow.AddEdge(1 + candidate.Task, firstMember + candidate.Member, 1, -candidate.Score)).ToArray();
        for (var member = 0; member < members.Length; member++)
        {
            if (largestEffort[member] > 0)
            {
                flow.AddEdge(firstMember + member, sink, members[member].WeeklyCapacityHours / largestEffort[member], 0);
            }
        }

        flow.MinimiseCost(source, sink);

        var chosen = new Candidate?[tasks.Length];
        for (var index = 0; index < candidates.Count; index++)
        {
            if (flow.Flow(pairEdges[index]) > 0)
            {
                chosen[candidates[index].Task] = candidates[index];
            }
        }

        return chosen;
    }

    /// <summary>Slots round hours down, so members may have hours left; give them the best remaining pairs that fit.</summary>
    private static void FillLeftoverHours(OpenTask[] tasks, Volunteer[] members, List<Candidate> candidates, Candidate?[] chosen)
    {
        var hoursLeft = members.Select(member => member.WeeklyCapacityHours).ToArray();
        foreach (var pair in chosen.OfType<Candidate>())
        {
            hoursLeft[pair.Member] -= tasks[pair.Task].EffortHours;
        }

        var byScore = candidates
            .Where(candidate => chosen[candidate.Task] is null)
            .OrderByDescending(candidate => candidate.Score)
            .ThenBy(candidate => candidate.Task)
            .ThenBy(candidate => candidate.Member);
        foreach (var candidate in byScore)
        {
            if (chosen[candidate.Task] is null && tasks[candidate.Task].EffortHours <= hoursLeft[candidate.Member])
            {
                chosen[candidate.Task] = candidate;
                hoursLeft[candidate.Member] -= tasks[candidate.Task].EffortHours;
            }
        }
    }

    private static AssignmentPlan Explain(OpenTask[] tasks, Volunteer[] members, Candidate?[] chosen)
    {
        var hoursUsed = new int[members.Length];
        foreach (var pair in chosen.OfType<Candidate>())
        {
            hoursUsed[pair.Member] += tasks[pair.Task].EffortHours;
        }

        var suggestions = chosen.OfType<Candidate>()
            .Select(pair => new TaskSuggestion(
                tasks[pair.Task].Id,
                members[pair.Member].Id,
                pair.Fit,
                tasks[pair.Task].Priority,
                pair.MatchedSkills,
                tasks[pair.Task].EffortHours,
                hoursUsed[pair.Member],
                members[pair.Member].WeeklyCapacityHours))
            .ToList();
        return new AssignmentPlan(suggestions);
    }
}
