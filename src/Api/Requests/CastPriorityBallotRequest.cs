using Governance.Contracts.Priorities;

namespace Governance.Api.Requests;

/// <summary>
/// A poll ballot; set exactly the field the poll's method reads. Ranking (schulze, borda): ranks from most to least
/// preferred, items in one rank tied, unranked items below every ranked one. Approved (approval): the approved items.
/// Allocations (score, quadratic, dot): an amount per item, items left out getting 0.
/// </summary>
public sealed record CastPriorityBallotRequest(
    IReadOnlyList<IReadOnlyList<string>>? Ranking,
    IReadOnlyList<string>? Approved,
    IReadOnlyList<ItemAmountView>? Allocations);
