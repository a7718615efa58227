using Governance.Domain.Priorities;

namespace Governance.Domain.Decisions;

/// <summary>
/// A ranking decision's items under its method, with the Schulze matrices when the method is Schulze. <paramref name="Eligible"/>
/// members could take part; <paramref name="Participation"/> of them were carried by a direct ballot.
/// </summary>
public sealed record RankingResult(PriorityRanking Ranking, SchulzeResult? Schulze, int Eligible, int Participation)
    : DecisionResult(Eligible, Participation)
{
    /// <summary>
    /// Each item's priority in (0, 1]: (n - position + 1) / n for n items, so the first is 1, tied items share a
    /// value, and the last position without ties is 1/n.
    /// </summary>
    public IReadOnlyDictionary<string, double> ItemPriorities()
    {
        var count = Ranking.Entries.Count;
        return Ranking.Entries.ToDictionary(
            entry => entry.Item,
            entry => (double)(count - entry.Position + 1) / count,
            StringComparer.Ordinal);
    }
}
