using Governance.Contracts.Priorities;
using Governance.Contracts.Proposals;

namespace Governance.Contracts.Decisions;

/// <summary>
/// What a member marks on a ballot; exactly the part the decision's method reads is set: <paramref name="Choice"/>
/// (majority), <paramref name="Ranking"/> (schulze, borda), <paramref name="Approved"/> (approval) or
/// <paramref name="Allocations"/> (score, quadratic, dot).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.DecisionBallotMarks")]
public sealed record DecisionBallotMarks(
    [property: Id(0)] VoteChoice? Choice = null,
    [property: Id(1)] IReadOnlyList<IReadOnlyList<string>>? Ranking = null,
    [property: Id(2)] IReadOnlyList<string>? Approved = null,
    [property: Id(3)] IReadOnlyList<ItemAmountView>? Allocations = null);
