using Governance.Contracts.Priorities;

namespace Governance.Api.Responses;

/// <summary>
/// The result: live while voting, frozen at close, empty in discussion. Participation is the number of eligible
/// members carried by a direct ballot.
/// </summary>
public sealed record PriorityResultView(
    PriorityPollStatus Status,
    PriorityMethod Method,
    int Eligible,
    int Participation,
    IReadOnlyList<RankedItemView> Ranking,
    SchulzeMatricesView? Schulze);
