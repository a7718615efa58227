using Governance.Contracts.Priorities;

namespace Governance.Api.Responses;

/// <summary>A poll. Of maxScore, creditBudget and pointBudget only the one its method uses is set.</summary>
public sealed record PriorityPollView(
    string Id,
    string CooperativeId,
    string Title,
    string? Body,
    string? Topic,
    PriorityMethod Method,
    int? MaxScore,
    int? CreditBudget,
    int? PointBudget,
    IReadOnlyList<PriorityItemView> Items,
    PriorityPollStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosesAt,
    DateTimeOffset? ClosedAt,
    string CreatedBy,
    string? OpenedBy,
    string? ClosedBy);
