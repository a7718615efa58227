namespace Governance.Domain.Priorities;

/// <summary>An amount given to one item: a score, quadratic votes or dot points, depending on the method.</summary>
public sealed record ItemAmount(string Item, int Amount);

/// <summary>
/// Amounts per item for the score, quadratic and dot methods; items left out get 0.
/// <paramref name="Weight"/> is the number of members the voter carries.
/// </summary>
public sealed record AllocationBallot(IReadOnlyList<ItemAmount> Allocations, int Weight = 1);
