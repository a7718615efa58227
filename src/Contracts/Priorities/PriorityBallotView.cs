namespace Governance.Contracts.Priorities;

/// <summary>A direct ballot as cast; the part its poll's method does not read is null.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityBallotView")]
public sealed record PriorityBallotView(
    [property: Id(0)] string MemberId,
    [property: Id(1)] DateTimeOffset CastAt,
    [property: Id(2)] IReadOnlyList<IReadOnlyList<string>>? Ranking,
    [property: Id(3)] IReadOnlyList<string>? Approved,
    [property: Id(4)] IReadOnlyList<ItemAmountView>? Allocations);

/// <summary>
/// A direct ballot with its <paramref name="Weight"/>: the number of eligible members it carries, its voter included.
/// Live while voting, frozen at close.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.WeightedBallotView")]
public sealed record WeightedBallotView(
    [property: Id(0)] string MemberId,
    [property: Id(1)] DateTimeOffset CastAt,
    [property: Id(2)] int Weight,
    [property: Id(3)] IReadOnlyList<IReadOnlyList<string>>? Ranking,
    [property: Id(4)] IReadOnlyList<string>? Approved,
    [property: Id(5)] IReadOnlyList<ItemAmountView>? Allocations);
