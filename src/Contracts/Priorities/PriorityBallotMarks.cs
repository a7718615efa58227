namespace Governance.Contracts.Priorities;

/// <summary>
/// What a member marks on a poll ballot; exactly the part the poll's method reads is set: <paramref name="Ranking"/>
/// (schulze, borda), <paramref name="Approved"/> (approval) or <paramref name="Allocations"/> (score, quadratic, dot).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityBallotMarks")]
public sealed record PriorityBallotMarks(
    [property: Id(0)] IReadOnlyList<IReadOnlyList<string>>? Ranking,
    [property: Id(1)] IReadOnlyList<string>? Approved,
    [property: Id(2)] IReadOnlyList<ItemAmountView>? Allocations);
