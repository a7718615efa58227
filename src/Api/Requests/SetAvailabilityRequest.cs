namespace Governance.Api.Requests;

/// <summary>The skills a member offers and their hours a week for tasks; it replaces what was set before.</summary>
/// <param name="Skills">Skill ids the member offers, matched against tasks' required skills.</param>
/// <param name="WeeklyCapacityHours">Whole hours a week, 0 to 168, the member can give to tasks.</param>
public sealed record SetAvailabilityRequest(IReadOnlyList<string>? Skills, int? WeeklyCapacityHours);
