using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;

namespace Governance.Contracts.Decisions;

/// <summary>
/// A decision. <paramref name="Parameter"/> is the ranking method's maxScore, creditBudget or pointBudget (null when
/// it takes none); <paramref name="Quorum"/>, <paramref name="Threshold"/> and <paramref name="Outcome"/> are a
/// majority decision's, <paramref name="Items"/> (null otherwise) a ranking decision's.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionView")]
public sealed record DecisionView(
    [property: Id(0)] string Id,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Body,
    [property: Id(4)] string? Topic,
    [property: Id(5)] DecisionMethod Method,
    [property: Id(6)] int? Parameter,
    [property: Id(7)] IReadOnlyList<PriorityItemView>? Items,
    [property: Id(8)] DecisionStatus Status,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset? OpenedAt,
    [property: Id(11)] DateTimeOffset? ClosesAt,
    [property: Id(12)] DateTimeOffset? ClosedAt,
    [property: Id(13)] double Quorum,
    [property: Id(14)] double Threshold,
    [property: Id(15)] ProposalOutcome? Outcome,
    [property: Id(16)] string CreatedBy,
    [property: Id(17)] string? OpenedBy,
    [property: Id(18)] string? ClosedBy);
