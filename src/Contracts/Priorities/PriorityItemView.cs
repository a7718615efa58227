namespace Governance.Contracts.Priorities;

/// <summary>One thing a poll prioritizes: the id ballots name, and the title members read.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityItemView")]
public sealed record PriorityItemView([property: Id(0)] string Id, [property: Id(1)] string Title);
