namespace Governance.Domain.Tasks;

/// <summary>
/// One suggested (task, member) pair with the reasons for it: how well the member fits, the task's priority, the
/// required skills the member has, and how many of the member's weekly hours all their suggestions use together.
/// </summary>
public sealed record TaskSuggestion(
    string TaskId,
    string MemberId,
    double Fit,
    double Priority,
    IReadOnlyList<string> MatchedSkills,
    int EffortHours,
    int MemberHoursUsed,
    int MemberCapacityHours)
{
    /// <summary>What this pair contributes to the objective.</summary>
    public double Score => Priority * Fit;
}

/// <summary>The suggestions, ordered by task id; each task appears at most once.</summary>
public sealed record AssignmentPlan(IReadOnlyList<TaskSuggestion> Suggestions)
{
    public double TotalScore => Suggestions.Sum(suggestion => suggestion.Score);
}
