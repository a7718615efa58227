namespace Governance.Domain.Cooperatives;

/// <summary>
/// The recent changes to delegation entries and memberships, by log version, so that an open decision catches up on
/// the members whose entries changed since the version it knows, in O(changes), instead of receiving every layer
/// again. It lives in memory and is bounded: it starts at the version the cooperative was loaded at, keeps at most
/// <see cref="Capacity"/> changes, and a decision from before its start is given a whole base again.
/// </summary>
public sealed class DelegationJournal
{
    /// <summary>About 6 MB; a decision further behind than this many changes costs no more to rebuild from a base.</summary>
    public const int Capacity = 1 << 18;

    private readonly List<DelegationChange> _changes = [];

    /// <summary>Every change after this version is recorded.</summary>
    public long Start { get; private set; }

    /// <summary>Nothing before <paramref name="version"/> is known: the state was loaded at it.</summary>
    public void StartAt(long version)
    {
        _changes.Clear();
        Start = version;
    }

    public void Record(long version, int member, DelegationChangeKind kind, string? topic = null)
    {
        if (_changes.Count == Capacity)
        {
            // Drop the older half at once, so recording stays O(1) amortised.
            Start = _changes[(Capacity / 2) - 1].Version;
            _changes.RemoveRange(0, Capacity / 2);
        }

        _changes.Add(new DelegationChange(version, member, kind, topic));
    }

    /// <summary>The changes after <paramref name="known"/>, oldest first; false when the journal does not reach back to it.</summary>
    public bool TryChangesSince(long known, out IEnumerable<DelegationChange> changes)
    {
        if (known < Start)
        {
            changes = [];
            return false;
        }

        var first = FirstAfter(known);
        changes = Enumerable.Range(first, _changes.Count - first).Select(index => _changes[index]);
        return true;
    }

    private int FirstAfter(long version)
    {
        int low = 0, high = _changes.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_changes[middle].Version <= version)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

/// <summary>One member's entry at a scope changed (default when <paramref name="Topic"/> is null), or their membership ended.</summary>
public readonly record struct DelegationChange(long Version, int Member, DelegationChangeKind Kind, string? Topic);

public enum DelegationChangeKind
{
    Entry,
    MembershipEnded,
}
