using System.Text.Json.Serialization;
using Governance.Domain.Priorities;
using Governance.Domain.Voting;

namespace Governance.Domain.Decisions;

/// <summary>
/// What a member marked on a ballot. Exactly one part is set, the one the decision's method reads: a choice
/// (majority), a ranking (schulze, borda), the approved items (approval), or an amount per item (score, quadratic, dot).
/// </summary>
public sealed record BallotMarks(
    IReadOnlyList<IReadOnlyList<string>>? Ranking = null,
    IReadOnlyList<string>? Approved = null,
    IReadOnlyList<ItemAmount>? Allocations = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Choice? Choice = null)
{
    public static BallotMarks Of(Choice choice) => new(Choice: choice);

    /// <summary>Records compare lists by reference; two ballots are the same when they mark the same things in the same order.</summary>
    public bool SameAs(BallotMarks other) =>
        Choice == other.Choice
        && SameSequence(Ranking, other.Ranking, (left, right) => left.SequenceEqual(right, StringComparer.Ordinal))
        && SameSequence(Approved, other.Approved, string.Equals)
        && SameSequence(Allocations, other.Allocations, (left, right) => left == right);

    private static bool SameSequence<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right, Func<T, T, bool> same) =>
        left is null || right is null
            ? left is null && right is null
            : left.Count == right.Count && left.Zip(right).All(pair => same(pair.First, pair.Second));
}
