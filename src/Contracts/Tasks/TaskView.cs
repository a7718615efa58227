namespace Governance.Contracts.Tasks;

/// <summary>
/// A task. <paramref name="ClaimedBy"/> is its claimant while claimed and who did the work once completed or reviewed;
/// <paramref name="ClaimExpiresAt"/> is when an unprogressed claim lapses.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.TaskView")]
public sealed record TaskView(
    [property: Id(0)] string Id,
    [property: Id(1)] string CooperativeId,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Description,
    [property: Id(4)] IReadOnlyList<string> RequiredSkills,
    [property: Id(5)] int EffortHours,
    [property: Id(6)] DateTimeOffset? DueAt,
    [property: Id(7)] TaskLinkView? Link,
    [property: Id(8)] double Priority,
    [property: Id(9)] TaskStatus Status,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] string CreatedBy,
    [property: Id(12)] string? ClaimedBy,
    [property: Id(13)] DateTimeOffset? ClaimExpiresAt,
    [property: Id(14)] DateTimeOffset? CompletedAt,
    [property: Id(15)] string? ReviewedBy);
