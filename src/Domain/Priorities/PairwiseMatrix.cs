namespace Governance.Domain.Priorities;

/// <summary>A weighted count for every ordered pair of poll items, read as "from over other".</summary>
public sealed class PairwiseMatrix
{
    private readonly PriorityPoll poll;
    private readonly long[,] values;

    internal PairwiseMatrix(PriorityPoll poll, long[,] values)
    {
        this.poll = poll;
        this.values = values;
    }

    public IReadOnlyList<string> Items => poll.Items;

    public long this[string from, string over] => values[poll.IndexOf(from, "from"), poll.IndexOf(over, "over")];
}
