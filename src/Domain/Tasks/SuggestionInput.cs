namespace Governance.Domain.Tasks;

/// <summary>
/// Turns the board into the planner's input: open tasks, and active volunteers with the hours their claimed tasks
/// take subtracted. The planner knows no exclusions, so a declined pair is hidden by giving that task's skills a
/// name of their own ("task/skill") that every member who has the skill holds, except those who declined it: their
/// fit drops to 0, which the planner never suggests, while everyone else's fit stays the same.
/// </summary>
public static class SuggestionInput
{
    private const char Separator = '/';

    public static (IReadOnlyList<OpenTask> Tasks, IReadOnlyList<Volunteer> Members) Build(
        IEnumerable<BoardTask> tasks,
        IEnumerable<BoardVolunteer> volunteers,
        IReadOnlySet<DeclinedPair> declined,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? pollPriorities = null)
    {
        var all = tasks.ToList();
        var open = all.Where(task => task.Status == WorkTaskStatus.Open).ToList();
        var declinedTasks = open.Where(task => declined.Any(pair => pair.TaskId == task.TaskId)).Select(task => task.TaskId).ToHashSet(StringComparer.Ordinal);
        var held = HeldHours(all);

        var openTasks = open
            .Select(task => new OpenTask(
                task.TaskId,
                declinedTasks.Contains(task.TaskId) ? Renamed(task).ToHashSet(StringComparer.Ordinal) : task.RequiredSkills.ToHashSet(StringComparer.Ordinal),
                task.EffortHours,
                CurrentPriority(task, pollPriorities)))
            .ToList();
        var declinedOpen = open.Where(task => declinedTasks.Contains(task.TaskId)).ToList();
        var members = volunteers
            .Where(volunteer => volunteer.Active)
            .Select(volunteer =>
            {
                var skills = volunteer.Skills.ToHashSet(StringComparer.Ordinal);
                foreach (var task in declinedOpen.Where(task => !declined.Contains(new DeclinedPair(task.TaskId, volunteer.MemberId))))
                {
                    skills.UnionWith(Renamed(task).Where(renamed => IsMarker(renamed) || volunteer.Skills.Contains(OriginalName(renamed), StringComparer.Ordinal)));
                }

                return new Volunteer(volunteer.MemberId, skills, Math.Max(0, volunteer.WeeklyCapacityHours - held.GetValueOrDefault(volunteer.MemberId)));
            })
            .ToList();
        return (openTasks, members);
    }

    /// <summary>The effort of the tasks each member has claimed and not yet completed.</summary>
    public static IReadOnlyDictionary<string, int> HeldHours(IEnumerable<BoardTask> tasks) =>
        tasks
            .Where(task => task.Status == WorkTaskStatus.Claimed && task.Holder is not null)
            .GroupBy(task => task.Holder!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Sum(task => task.EffortHours), StringComparer.Ordinal);

    /// <summary>A poll item's priority follows the poll's current ranking; any other task keeps the priority it was created with.</summary>
    public static double CurrentPriority(BoardTask task, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? pollPriorities) =>
        task.Link is { PollId: { } pollId, ItemId: { } itemId }
        && pollPriorities?.GetValueOrDefault(pollId) is { } items
        && items.TryGetValue(itemId, out var priority)
            ? Math.Clamp(priority, 0, 1)
            : task.Priority;

    /// <summary>The plan with every renamed skill shown by its own name again.</summary>
    public static AssignmentPlan RestoreSkillNames(AssignmentPlan plan) =>
        new([.. plan.Suggestions.Select(suggestion => suggestion with
        {
            MatchedSkills = [.. suggestion.MatchedSkills.Where(skill => !IsMarker(skill)).Select(OriginalName)],
        })]);

    /// <summary>A declined task's skills under its own names; a task requiring none gets a marker, "task/", to be held instead.</summary>
    private static IEnumerable<string> Renamed(BoardTask task) =>
        task.RequiredSkills.Count == 0
            ? [task.TaskId + Separator]
            : task.RequiredSkills.Select(skill => task.TaskId + Separator + skill);

    private static bool IsMarker(string skill) => skill.EndsWith(Separator);

    private static string OriginalName(string skill) =>
        skill.IndexOf(Separator, StringComparison.Ordinal) is var at and >= 0 ? skill[(at + 1)..] : skill;
}
