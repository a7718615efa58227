namespace Governance.Contracts.Members;

/// <summary>The skills a person offers and the hours a week they have for tasks, in every cooperative they belong to.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.AvailabilityView")]
public sealed record AvailabilityView([property: Id(0)] string MemberId, [property: Id(1)] IReadOnlyList<string> Skills, [property: Id(2)] int WeeklyCapacityHours);
