namespace Governance.Domain.Tasks;

/// <summary>
/// Turns the board into the planner's input: open tasks with the members who declined each, and active volunteers
/// with the hours their claimed tasks take subtracted.
/// </summary>
public static class SuggestionInput
{
    public static (IReadOnlyList<OpenTask> Tasks, IReadOnlyList<Volunteer> Members) Build(
        IEnumerable<BoardTask> tasks,
        IEnumerable<BoardVolunteer> volunteers,
        IReadOnlySet<DeclinedPair> declined,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? pollPriorities = null)
    {
        var all = tasks.ToList();
        var declinedBy = declined
            .GroupBy(pair => pair.TaskId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.MemberId).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var held = HeldHours(all);

        var openTasks = all
            .Where(task => task.Status == WorkTaskStatus.Open)
            .Select(task => new OpenTask(
                task.TaskId,
                task.RequiredSkills.ToHashSet(StringComparer.Ordinal),
                task.EffortHours,
                CurrentPriority(task, pollPriorities))
            {
                DeclinedBy = declinedBy.GetValueOrDefault(task.TaskId) ?? [],
            })
            .ToList();
        var members = volunteers
            .Where(volunteer => volunteer.Active)
            .Select(volunteer => new Volunteer(
                volunteer.MemberId,
                volunteer.Skills.ToHashSet(StringComparer.Ordinal),
                Math.Max(0, volunteer.WeeklyCapacityHours - held.GetValueOrDefault(volunteer.MemberId))))
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
    private static double CurrentPriority(BoardTask task, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? pollPriorities) =>
        task.Link is { PollId: { } pollId, ItemId: { } itemId }
        && pollPriorities?.GetValueOrDefault(pollId) is { } items
        && items.TryGetValue(itemId, out var priority)
            ? TaskPriority.FromPoll(priority)
            : task.Priority;
}
