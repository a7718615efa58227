namespace Governance.Domain.Tasks;

/// <summary>
/// A member who may take tasks. Skills are a plain set (no levels): a member either has a skill or not, which keeps
/// the fit explainable as "the share of required skills you have".
/// </summary>
public sealed record Volunteer(string Id, IReadOnlySet<string> Skills, int WeeklyCapacityHours);
