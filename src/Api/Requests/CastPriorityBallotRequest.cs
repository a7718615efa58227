using Governance.Contracts.Priorities;

namespace Governance.Api.Requests;

/// <summary>
/// A poll ballot; set exactly the field the poll's method reads. Ranking (schulze, borda): ranks from most to least
/// preferred, items in one rank tied, unranked items below every ranked one. Approved (approval): the approved items.
/// Allocations (score, quadratic, dot): an amount per item, items left out getting 0.
/// </summary>
/// <param name="Ranking">For schulze and borda: ranks of item ids, most preferred first; the items of one rank are tied, and items left out rank below every ranked one.</param>
/// <param name="Approved">For approval: the ids of the items approved.</param>
/// <param name="Allocations">For score (0 to maxScore each), quadratic (n votes for or against cost n² credits) and dot (points, at most pointBudget in all): an amount per item; items left out get 0.</param>
public sealed record CastPriorityBallotRequest(
    IReadOnlyList<IReadOnlyList<string>>? Ranking,
    IReadOnlyList<string>? Approved,
    IReadOnlyList<ItemAmountView>? Allocations);
