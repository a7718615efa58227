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

/// <summary>
/// The Schulze matrices by item id: Preferences[x][y] is d[x,y], the weight preferring x to y; StrongestPaths[x][y]
/// is p[x,y], the strength of the strongest path from x to y. The diagonal is left out.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.SchulzeMatricesView")]
public sealed record SchulzeMatricesView(
    [property: Id(0)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Preferences,
    [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> StrongestPaths);

/// <summary>
/// The result: live while voting, frozen at close, empty in discussion. Participation is the number of eligible
/// members carried by a direct ballot.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.PriorityResultView")]
public sealed record PriorityResultView(
    [property: Id(0)] PriorityPollStatus Status,
    [property: Id(1)] PriorityMethod Method,
    [property: Id(2)] int Eligible,
    [property: Id(3)] int Participation,
    [property: Id(4)] IReadOnlyList<RankedItemView> Ranking,
    [property: Id(5)] SchulzeMatricesView? Schulze);
