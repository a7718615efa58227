namespace Governance.Contracts.Priorities;

/// <summary>A new poll as the API received it; only the parameter of the chosen method may be given.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.CreatePriorityPollCommand")]
public sealed record CreatePriorityPollCommand(
    [property: Id(0)] string Id,
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
