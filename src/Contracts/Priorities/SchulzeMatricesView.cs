namespace Governance.Contracts.Priorities;

/// <summary>
/// The Schulze matrices by item id: Preferences[x][y] is d[x,y], the weight preferring x to y; StrongestPaths[x][y]
/// is p[x,y], the strength of the strongest path from x to y. The diagonal is left out.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.SchulzeMatricesView")]
public sealed record SchulzeMatricesView(
    [property: Id(0)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Preferences,
    [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> StrongestPaths);
