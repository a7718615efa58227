using Governance.Contracts.Priorities;

namespace Governance.Api.Responses;

/// <summary>A direct ballot as cast; the part its poll's method does not read is null.</summary>
public sealed record PriorityBallotView(
    string MemberId,
    DateTimeOffset CastAt,
    IReadOnlyList<IReadOnlyList<string>>? Ranking,
    IReadOnlyList<string>? Approved,
    IReadOnlyList<ItemAmountView>? Allocations);

/// <summary>
/// A direct ballot with its <paramref name="Weight"/>: the number of eligible members it carries, its voter included.
/// Live while voting, frozen at close.
/// </summary>
public sealed record WeightedBallotView(
    string MemberId,
    DateTimeOffset CastAt,
    int Weight,
    IReadOnlyList<IReadOnlyList<string>>? Ranking,
    IReadOnlyList<string>? Approved,
    IReadOnlyList<ItemAmountView>? Allocations);
