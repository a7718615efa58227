namespace Governance.Contracts.Priorities;

/// <summary>A poll as its cooperative's index hands it to the poll grain, once the topic is known to exist.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityPollDraft")]
public sealed record PriorityPollDraft(
    [property: Id(0)] string CooperativeId,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Body,
    [property: Id(3)] string? Topic,
    [property: Id(4)] PriorityMethod Method,
    [property: Id(5)] IReadOnlyList<PriorityItemView>? Items,
    [property: Id(6)] DateTimeOffset? ClosesAt,
    [property: Id(7)] int? MaxScore,
    [property: Id(8)] int? CreditBudget,
    [property: Id(9)] int? PointBudget,
    [property: Id(10)] string CreatedBy);
