namespace Governance.Contracts.Tasks;

[GenerateSerializer, Immutable]
[Alias("Governance.CreateTaskCommand")]
public sealed record CreateTaskCommand(
    [property: Id(0)] string Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Description,
    [property: Id(3)] IReadOnlyList<string>? RequiredSkills,
    [property: Id(4)] int? EffortHours,
    [property: Id(5)] DateTimeOffset? DueAt,
    [property: Id(6)] TaskLinkView? Link,
    [property: Id(7)] string CreatedBy);
