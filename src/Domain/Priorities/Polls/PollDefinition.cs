namespace Governance.Domain.Priorities.Polls;

/// <summary>
/// What the creator of a poll chooses. Of <paramref name="MaxScore"/>, <paramref name="CreditBudget"/> and
/// <paramref name="PointBudget"/> only the one the method uses may be given; left out, it takes its default.
/// </summary>
public sealed record PollDefinition(
    string Title,
    string? Body,
    string? Topic,
    PollMethod Method,
    IReadOnlyList<PollItem>? Items,
    DateTimeOffset? ClosesAt,
    int? MaxScore = null,
    int? CreditBudget = null,
    int? PointBudget = null);
