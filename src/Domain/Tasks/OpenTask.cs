namespace Governance.Domain.Tasks;

/// <summary>
/// A task waiting for a volunteer. <paramref name="Priority"/> is inherited from the priority item or accepted
/// proposal the task serves; skills are compared ordinally (case-sensitive).
/// </summary>
public sealed record OpenTask(string Id, IReadOnlySet<string> RequiredSkills, int EffortHours, double Priority)
{
    /// <summary>Members who declined this task: it is never suggested to them.</summary>
    public IReadOnlySet<string> DeclinedBy { get; init; } = new HashSet<string>();
}
