using Governance.Contracts.Priorities;

namespace Governance.Contracts.Decisions;

/// <summary>
/// A new decision as the API received it. A majority decision may give a quorum and threshold (else the
/// cooperative's defaults apply); a ranking decision gives items and at most the parameter its method uses.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.CreateDecisionCommand")]
public sealed record CreateDecisionCommand(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Body,
    [property: Id(3)] string? Topic,
    [property: Id(4)] DecisionMethod Method,
    [property: Id(5)] DateTimeOffset? ClosesAt,
    [property: Id(6)] string CreatedBy,
    [property: Id(7)] IReadOnlyList<PriorityItemView>? Items = null,
    [property: Id(8)] int? MaxScore = null,
    [property: Id(9)] int? CreditBudget = null,
    [property: Id(10)] int? PointBudget = null,
    [property: Id(11)] double? Quorum = null,
    [property: Id(12)] double? Threshold = null);
