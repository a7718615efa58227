namespace Governance.Contracts.Tasks;

/// <summary>
/// One entry of a task's history: <paramref name="Type"/> is created, claimed, progress, released, claim-expired,
/// completed or reviewed; <paramref name="By"/> is the member who acted, null for an expiry.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.TaskEventView")]
public sealed record TaskEventView(
    [property: Id(0)] int Sequence,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? By,
    [property: Id(4)] string? Note,
    [property: Id(5)] bool? Approved,
    [property: Id(6)] DateTimeOffset? ClaimExpiresAt);
