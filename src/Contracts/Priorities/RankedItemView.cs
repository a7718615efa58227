namespace Governance.Contracts.Priorities;

/// <summary>
/// One item's place: <paramref name="Position"/> is 1 plus the number of items scored strictly higher, so tied items
/// share it (1, 2, 2, 4) and are listed in the poll's item order.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.RankedItemView")]
public sealed record RankedItemView(
    [property: Id(0)] int Position,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string Title,
    [property: Id(3)] double Score,
    [property: Id(4)] bool Tied);
