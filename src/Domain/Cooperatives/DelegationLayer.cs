using Governance.Domain.Voting;

namespace Governance.Domain.Cooperatives;

/// <summary>
/// The delegation entries of one scope as a dense array indexed by roster index (<see cref="DelegationEntry"/> codes),
/// grown by doubling as members with higher indexes delegate. Indexes past its length have no entry.
/// </summary>
internal sealed class DelegationLayer
{
    private int[] _targets;
    private int _length;

    public DelegationLayer()
        : this([])
    {
    }

    /// <summary>Takes the entries over, as they are.</summary>
    public DelegationLayer(int[] entries)
    {
        _targets = entries;
        _length = entries.Length;
    }

    public int Get(int member) => member < _length ? _targets[member] : DelegationEntry.None;

    public bool Has(int member) => Get(member) != DelegationEntry.None;

    public void Set(int member, int target)
    {
        if (member >= _targets.Length)
        {
            var grown = DelegationEntry.EmptyLayer(Math.Max(member + 1, Math.Max(16, _targets.Length * 2)));
            _targets.AsSpan(0, _length).CopyTo(grown);
            _targets = grown;
        }

        _targets[member] = target;
        _length = Math.Max(_length, member + 1);
    }

    public void Clear(int member)
    {
        if (member < _length)
        {
            _targets[member] = DelegationEntry.None;
        }
    }

    /// <summary>Ends the member's own entry and every delegation to them, and names the members whose entry ended; O(length).</summary>
    public List<int> RemoveDelegationsOf(int member)
    {
        var ended = new List<int>();
        if (Has(member))
        {
            Clear(member);
            ended.Add(member);
        }

        var targets = _targets.AsSpan(0, _length);
        for (var from = 0; from < targets.Length; from++)
        {
            if (targets[from] == member)
            {
                targets[from] = DelegationEntry.None;
                ended.Add(from);
            }
        }

        return ended;
    }

    /// <summary>The entries of roster indexes 0 to <paramref name="length"/> - 1.</summary>
    public int[] ToLayer(int length)
    {
        var layer = DelegationEntry.EmptyLayer(length);
        _targets.AsSpan(0, Math.Min(_length, length)).CopyTo(layer);
        return layer;
    }

    /// <summary>Every (member, target) pair with an entry, in roster order.</summary>
    public IEnumerable<KeyValuePair<int, int>> Entries()
    {
        for (var member = 0; member < _length; member++)
        {
            if (_targets[member] != DelegationEntry.None)
            {
                yield return new(member, _targets[member]);
            }
        }
    }
}
