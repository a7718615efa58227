using Governance.Domain.Priorities;

namespace Governance.Domain.Tests.Priorities;

/// <summary>Short spellings for test ballots.</summary>
internal static class Ballots
{
    /// <summary>"ACB" ranks A over C over B, one item per rank.</summary>
    public static RankedBallot Strict(string order, int weight = 1) =>
        new([.. order.Select(item => (IReadOnlyList<string>)[item.ToString()])], weight);

    /// <summary>"AB|C" ranks A and B tied over C.</summary>
    public static RankedBallot Tiered(string ranks, int weight = 1) =>
        new([.. ranks.Split('|').Select(rank => (IReadOnlyList<string>)[.. rank.Select(item => item.ToString())])], weight);

    public static AllocationBallot Allocation(int weight, params (string Item, int Amount)[] allocations) =>
        new([.. allocations.Select(allocation => new ItemAmount(allocation.Item, allocation.Amount))], weight);
}
