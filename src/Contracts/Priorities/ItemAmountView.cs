namespace Governance.Contracts.Priorities;

/// <summary>An amount given to one item: a score, quadratic votes or dot points, by the poll's method.</summary>
/// <param name="Item">The id of one of the poll's items.</param>
/// <param name="Amount">The score (0 to maxScore), the votes (negative against; n votes cost n² credits) or the points (0 or more) given to it.</param>
[GenerateSerializer, Immutable]
[Alias("Governance.ItemAmountView")]
public sealed record ItemAmountView([property: Id(0)] string Item, [property: Id(1)] int Amount);
