namespace Governance.Contracts.Priorities;

[GenerateSerializer, Immutable]
[Alias("Governance.PriorityPollSummaryView")]
public sealed record PriorityPollSummaryView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Topic,
    [property: Id(3)] PriorityMethod Method,
    [property: Id(4)] PriorityPollStatus Status,
    [property: Id(5)] DateTimeOffset CreatedAt);
