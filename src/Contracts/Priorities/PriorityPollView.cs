namespace Governance.Contracts.Priorities;

/// <summary>A poll. Of maxScore, creditBudget and pointBudget only the one its method uses is set.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityPollView")]
public sealed record PriorityPollView(
    [property: Id(0)] string Id,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Body,
    [property: Id(4)] string? Topic,
    [property: Id(5)] PriorityMethod Method,
    [property: Id(6)] int? MaxScore,
    [property: Id(7)] int? CreditBudget,
    [property: Id(8)] int? PointBudget,
    [property: Id(9)] IReadOnlyList<PriorityItemView> Items,
    [property: Id(10)] PriorityPollStatus Status,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset? OpenedAt,
    [property: Id(13)] DateTimeOffset? ClosesAt,
    [property: Id(14)] DateTimeOffset? ClosedAt,
    [property: Id(15)] string CreatedBy,
    [property: Id(16)] string? OpenedBy,
    [property: Id(17)] string? ClosedBy);
