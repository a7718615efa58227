namespace Governance.Contracts.Priorities;

/// <summary>One thing a poll prioritizes: the id ballots name, and the title members read.</summary>
/// <param name="Id">The item's id, which ballots name: 1–64 letters, digits, '-', '_' or '.'.</param>
/// <param name="Title">What the item is, for members to read, up to 200 characters.</param>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityItemView")]
public sealed record PriorityItemView([property: Id(0)] string Id, [property: Id(1)] string Title);
