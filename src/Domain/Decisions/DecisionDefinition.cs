namespace Governance.Domain.Decisions;

/// <summary>
/// What the creator of a decision chooses. A majority decision takes a quorum and threshold (already resolved from
/// the cooperative's defaults) and no items; a ranking decision takes items and, of <paramref name="MaxScore"/>,
/// <paramref name="CreditBudget"/> and <paramref name="PointBudget"/>, only the one its method uses, else its default.
/// </summary>
public sealed record DecisionDefinition(
    string Title,
    string? Body,
    string? Topic,
    CountingMethod Method,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<DecisionItem>? Items = null,
    int? MaxScore = null,
    int? CreditBudget = null,
    int? PointBudget = null,
    double Quorum = 0,
    double Threshold = 0);
