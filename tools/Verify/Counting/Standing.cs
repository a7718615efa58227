using Governance.Verify.Records;

namespace Governance.Verify.Counting;

/// <summary>One item's place: 1 plus the number of items scored higher, so tied items share it.</summary>
public sealed record Standing(int Position, string ItemId, string Title, double Score, bool Tied)
{
    /// <summary>Every item, highest score first and, among equal scores, in the poll's item order.</summary>
    public static IReadOnlyList<Standing> Rank(IReadOnlyList<Item> items, IReadOnlyList<double> scores) =>
        [.. Enumerable.Range(0, items.Count)
            .OrderByDescending(index => scores[index])
            .ThenBy(index => index)
            .Select(index => new Standing(
                1 + scores.Count(other => other > scores[index]),
                items[index].Id,
                items[index].Title,
                scores[index],
                scores.Count(other => other == scores[index]) > 1))];
}
