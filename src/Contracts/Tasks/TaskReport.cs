namespace Governance.Contracts.Tasks;

/// <summary>What a task tells its board after a change; <paramref name="Version"/> orders reports, so a late one cannot undo a newer.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.TaskReport")]
public sealed record TaskReport(
    [property: Id(0)] TaskSummaryView Task,
    [property: Id(1)] long Version,
    [property: Id(2)] ReviewReport? LastReview);

/// <summary>A task's review number <paramref name="Number"/>, for contributions: who did the work, who reviewed it, and the verdict.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.ReviewReport")]
public sealed record ReviewReport(
    [property: Id(0)] int Number,
    [property: Id(1)] string DoneBy,
    [property: Id(2)] string ReviewedBy,
    [property: Id(3)] bool Approved,
    [property: Id(4)] int EffortHours);
