namespace Governance.Contracts.Tasks;

[GenerateSerializer, Immutable]
[Alias("Governance.TaskSummaryView")]
public sealed record TaskSummaryView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] IReadOnlyList<string> RequiredSkills,
    [property: Id(3)] int EffortHours,
    [property: Id(4)] double Priority,
    [property: Id(5)] DateTimeOffset? DueAt,
    [property: Id(6)] TaskStatus Status,
    [property: Id(7)] string? ClaimedBy,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] TaskLinkView? Link);
