namespace Governance.Domain.Priorities;

/// <summary>
/// One item's place in a result. <paramref name="Position"/> is 1 plus the number of items strictly ahead,
/// so tied items share a position and the next position is skipped (1, 2, 2, 4).
/// </summary>
public sealed record RankedItem(string Item, int Position, double Score, bool Tied);

/// <summary>
/// Every poll item, highest score first. Items with equal scores are tied; among them the poll's listing
/// order decides only the order of presentation, never the position.
/// </summary>
public sealed record PriorityRanking(IReadOnlyList<RankedItem> Entries)
{
    internal static PriorityRanking FromScores(PriorityPoll poll, IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(index => scores[index]).ThenBy(index => index).ToList();
        var entries = new List<RankedItem>(order.Count);
        var groupStart = 0;
        while (groupStart < order.Count)
        {
            var score = scores[order[groupStart]];
            var groupEnd = groupStart;
            while (groupEnd < order.Count && scores[order[groupEnd]] == score)
            {
                groupEnd++;
            }

            var tied = groupEnd - groupStart > 1;
            for (var place = groupStart; place < groupEnd; place++)
            {
                entries.Add(new RankedItem(poll.Items[order[place]], groupStart + 1, score, tied));
            }

            groupStart = groupEnd;
        }

        return new PriorityRanking(entries);
    }
}
