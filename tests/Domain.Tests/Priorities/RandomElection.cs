using FsCheck;
using FsCheck.Fluent;
using Governance.Domain.Priorities;

namespace Governance.Domain.Tests.Priorities;

/// <summary>
/// Ranked ballots kept as raw rank levels per item (<see cref="ItemCount"/> means unranked), so that tests can
/// count preferences themselves and a failing case prints in full.
/// </summary>
public sealed record RandomElection(int ItemCount, int[][] Levels, int[] Weights, int[] PermutationKeys)
{
    public IReadOnlyList<string> Items => [.. Enumerable.Range(0, ItemCount).Select(index => $"item{index}")];

    public IReadOnlyList<string> PermutedItems =>
        [.. Enumerable.Range(0, ItemCount).OrderBy(index => PermutationKeys[index]).ThenBy(index => index).Select(index => Items[index])];

    /// <summary>
    /// Few items and levels, so that pairwise ties and Condorcet winners are both common; a level can be skipped,
    /// which the ballot compresses away.
    /// </summary>
    public static Gen<RandomElection> Generator() => Generator(6);

    /// <summary>Up to 20 items, so that a row of the preference matrix spans several hardware vectors and a remainder.</summary>
    public static Gen<RandomElection> WideGenerator() => Generator(20);

    private static Gen<RandomElection> Generator(int maxItems) =>
        from itemCount in Gen.Choose(1, maxItems)
        from ballotCount in Gen.Sized(size => Gen.Choose(0, Math.Max(1, size)))
        from levels in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, itemCount), itemCount), ballotCount)
        from weights in Gen.ArrayOf(Gen.Choose(1, 5), ballotCount)
        from permutationKeys in Gen.ArrayOf(Gen.Choose(0, 1000), itemCount)
        select new RandomElection(itemCount, levels, weights, permutationKeys);

    public IReadOnlyList<RankedBallot> WeightedBallots() =>
        [.. Levels.Select((levels, ballot) => ToBallot(levels, Weights[ballot]))];

    public IReadOnlyList<RankedBallot> ExpandedBallots() =>
        [.. Levels.SelectMany((levels, ballot) => Enumerable.Repeat(ToBallot(levels, 1), Weights[ballot]))];

    /// <summary>The item preferred to every other by a strict weighted majority, if there is one.</summary>
    public string? CondorcetWinner()
    {
        var winner = Enumerable.Range(0, ItemCount).Where(candidate =>
            Enumerable.Range(0, ItemCount).All(other => other == candidate || Preferring(candidate, other) > Preferring(other, candidate)));
        return winner.Select(index => Items[index]).SingleOrDefault();
    }

    public override string ToString() =>
        $"{ItemCount} items, permutation keys [{string.Join(",", PermutationKeys)}]; ballots (weight: levels): "
        + string.Join("; ", Levels.Select((levels, ballot) => $"{Weights[ballot]}: [{string.Join(",", levels)}]"));

    /// <summary>d[item, other], counted straight from the levels.</summary>
    public int Preferring(int item, int other) =>
        Levels.Select((levels, ballot) => levels[item] < levels[other] ? Weights[ballot] : 0).Sum();

    private RankedBallot ToBallot(int[] levels, int weight) =>
        new(
            [.. levels.Where(level => level < ItemCount).Distinct().Order()
                .Select(level => (IReadOnlyList<string>)[.. Enumerable.Range(0, ItemCount).Where(item => levels[item] == level).Select(item => Items[item])])],
            weight);
}
