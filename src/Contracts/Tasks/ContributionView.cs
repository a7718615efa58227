namespace Governance.Contracts.Tasks;

/// <summary>Recognition of a member's work in one cooperative: approved tasks, their effort, and reviews given. It never weighs in votes.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.ContributionView")]
public sealed record ContributionView(
    [property: Id(0)] string MemberId,
    [property: Id(1)] int TasksDone,
    [property: Id(2)] int EffortHoursDone,
    [property: Id(3)] int ReviewsGiven);
