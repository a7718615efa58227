namespace Governance.Domain.Decisions;

/// <summary>
/// A cooperative's decisions of one kind in the order they were created, with their statuses, so that listing by
/// status needs no call per decision. The decisions themselves are the truth; the list follows them.
/// </summary>
public sealed class DecisionList<TSummary>
    where TSummary : IDecisionSummary<TSummary>
{
    private readonly List<TSummary> _items = [];
    private readonly Dictionary<string, int> _positionById = new(StringComparer.Ordinal);

    public IReadOnlyList<TSummary> Items => _items;

    public bool Contains(string decisionId) => _positionById.ContainsKey(decisionId);

    public TSummary? Find(string decisionId) => _positionById.TryGetValue(decisionId, out var position) ? _items[position] : default;

    /// <summary>Statuses only move forward, so notifications that arrive out of order never set one back.</summary>
    public bool Advances(string decisionId, DecisionStatus status) =>
        _positionById.TryGetValue(decisionId, out var position) && _items[position].Status < status;

    public void Add(TSummary summary)
    {
        _positionById[summary.DecisionId] = _items.Count;
        _items.Add(summary);
    }

    public void SetStatus(string decisionId, DecisionStatus status)
    {
        var position = _positionById[decisionId];
        _items[position] = _items[position].WithStatus(status);
    }

    /// <summary>Up to <paramref name="limit"/> decisions from <paramref name="position"/> on with the wanted status, and where the next page starts.</summary>
    public (IReadOnlyList<TSummary> Page, int Next) Read(DecisionStatus? wanted, int position, int limit)
    {
        var page = new List<TSummary>(limit);
        for (; position < _items.Count && page.Count < limit; position++)
        {
            if (wanted is null || _items[position].Status == wanted)
            {
                page.Add(_items[position]);
            }
        }

        return (page, position);
    }
}
