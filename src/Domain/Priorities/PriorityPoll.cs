using Governance.Domain.Rules;

namespace Governance.Domain.Priorities;

/// <summary>
/// The items a priority poll ranks. Their order here is the poll's listing order, which every method uses
/// to present tied items in a stable order.
/// </summary>
public sealed class PriorityPoll
{
    private readonly Dictionary<string, int> indexByItem;

    private PriorityPoll(IReadOnlyList<string> items, Dictionary<string, int> indexByItem)
    {
        Items = items;
        this.indexByItem = indexByItem;
    }

    public IReadOnlyList<string> Items { get; }

    public static PriorityPoll Create(IEnumerable<string> items)
    {
        var listed = items.ToList();
        if (listed.Count == 0)
        {
            throw RuleViolationException.Invalid("no-items", "A priority poll needs at least one item.", "items");
        }

        var indexByItem = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in listed)
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                throw RuleViolationException.Invalid("invalid-item", "Item ids must not be blank.", "items");
            }

            if (!indexByItem.TryAdd(item, indexByItem.Count))
            {
                throw RuleViolationException.Invalid("duplicate-item", $"Item '{item}' is listed twice.", "items");
            }
        }

        return new PriorityPoll(listed, indexByItem);
    }

    internal int IndexOf(string item, string field) =>
        indexByItem.TryGetValue(item, out var index)
            ? index
            : throw RuleViolationException.Invalid("unknown-item", $"Item '{item}' is not in this poll.", field);
}
