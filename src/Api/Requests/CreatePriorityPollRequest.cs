using Governance.Contracts.Priorities;

namespace Governance.Api.Requests;

/// <summary>
/// A new priority poll. Only the chosen method's parameter may be given: maxScore (score, default 5), creditBudget
/// (quadratic, default 100) or pointBudget (dot, default 10). Without closesAt it closes only by request.
/// </summary>
public sealed record CreatePriorityPollRequest(
    string? Id,
    string Title,
    string? Body,
    string? Topic,
    PriorityMethod? Method,
    IReadOnlyList<PriorityItemView>? Items,
    DateTimeOffset? ClosesAt,
    int? MaxScore,
    int? CreditBudget,
    int? PointBudget);
