using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;

namespace Governance.Contracts.Decisions;

/// <summary>
/// A decision's result: live while voting, frozen at close, empty in discussion. A majority decision sets
/// <paramref name="Counts"/>, <paramref name="QuorumReached"/> and (once closed) <paramref name="Outcome"/>; a
/// ranking decision sets <paramref name="Ranking"/> and, for Schulze, <paramref name="Schulze"/>.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionResultView")]
public sealed record DecisionResultView(
    [property: Id(0)] DecisionStatus Status,
    [property: Id(1)] DecisionMethod Method,
    [property: Id(2)] int Eligible,
    [property: Id(3)] int Participation,
    [property: Id(4)] TallyCountsView? Counts = null,
    [property: Id(5)] bool QuorumReached = false,
    [property: Id(6)] ProposalOutcome? Outcome = null,
    [property: Id(7)] IReadOnlyList<RankedItemView>? Ranking = null,
    [property: Id(8)] SchulzeMatricesView? Schulze = null);
