namespace Governance.Contracts.Priorities;

/// <summary>An amount given to one item: a score, quadratic votes or dot points, by the poll's method.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.ItemAmountView")]
public sealed record ItemAmountView([property: Id(0)] string Item, [property: Id(1)] int Amount);
