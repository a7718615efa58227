namespace Governance.Api.Requests;

/// <summary>The skills a member offers and their hours a week for tasks; it replaces what was set before.</summary>
public sealed record SetAvailabilityRequest(IReadOnlyList<string>? Skills, int? WeeklyCapacityHours);
