namespace Governance.Domain.Priorities.Polls;

/// <summary>
/// What a member marked on a poll ballot. Exactly one part is set, the one the poll's method reads: a ranking
/// (schulze, borda), the approved items (approval), or an amount per item (score, quadratic, dot).
/// </summary>
public sealed record BallotMarks(
    IReadOnlyList<IReadOnlyList<string>>? Ranking = null,
    IReadOnlyList<string>? Approved = null,
    IReadOnlyList<ItemAmount>? Allocations = null)
{
    /// <summary>Records compare lists by reference; two ballots are the same when they mark the same things in the same order.</summary>
    public bool SameAs(BallotMarks other) =>
        SameSequence(Ranking, other.Ranking, (left, right) => left.SequenceEqual(right, StringComparer.Ordinal))
        && SameSequence(Approved, other.Approved, string.Equals)
        && SameSequence(Allocations, other.Allocations, (left, right) => left == right);

    private static bool SameSequence<T>(IReadOnlyList<T>? left, IReadOnlyList<T>? right, Func<T, T, bool> same) =>
        left is null || right is null
            ? left is null && right is null
            : left.Count == right.Count && left.Zip(right).All(pair => same(pair.First, pair.Second));
}
