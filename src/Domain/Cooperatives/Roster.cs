namespace Governance.Domain.Cooperatives;

/// <summary>
/// Every membership ever, as columns indexed by roster index: a million members are a few arrays rather than a million
/// objects. Entries are read back as <see cref="RosterEntry"/> records, made on demand.
/// </summary>
internal sealed class Roster : IReadOnlyList<RosterEntry>
{
    private string[] _memberIds;
    private string?[] _names;
    private long[] _joinedAtUtcTicks;
    private short[] _joinedAtOffsetMinutes;
    private long[] _joinedVersions;
    private long[] _removedVersions;
    private MemberRole[] _roles;

    public Roster()
        : this(new RosterColumns([], [], [], [], [], [], []))
    {
    }

    /// <summary>Takes the columns over, as they are; they must all have one length.</summary>
    public Roster(RosterColumns columns)
    {
        columns.Validate();
        _memberIds = columns.MemberIds;
        _names = columns.Names;
        _joinedAtUtcTicks = columns.JoinedAtUtcTicks;
        _joinedAtOffsetMinutes = columns.JoinedAtOffsetMinutes;
        _joinedVersions = columns.JoinedVersions;
        _removedVersions = columns.RemovedVersions;
        _roles = columns.Roles;
        Count = columns.MemberIds.Length;
    }

    public int Count { get; private set; }

    public RosterEntry this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var removed = _removedVersions[index];
            return new RosterEntry(
                _memberIds[index],
                _names[index],
                JoinedAt(index),
                _joinedVersions[index],
                removed == RosterColumns.Current ? null : removed,
                _roles[index]);
        }
    }

    public string MemberIdAt(int index) => _memberIds[index];

    public MemberRole RoleAt(int index) => _roles[index];

    public long JoinedVersionAt(int index) => _joinedVersions[index];

    public bool IsCurrent(int index) => _removedVersions[index] == RosterColumns.Current;

    public bool WasMemberAt(int index, long version) =>
        _joinedVersions[index] <= version && (IsCurrent(index) || _removedVersions[index] > version);

    public void Add(string memberId, string? name, DateTimeOffset joinedAt, long joinedVersion, MemberRole role)
    {
        if (Count == _memberIds.Length)
        {
            Grow();
        }

        _memberIds[Count] = memberId;
        _names[Count] = name;
        _joinedAtUtcTicks[Count] = joinedAt.UtcTicks;
        _joinedAtOffsetMinutes[Count] = (short)joinedAt.TotalOffsetMinutes;
        _joinedVersions[Count] = joinedVersion;
        _removedVersions[Count] = RosterColumns.Current;
        _roles[Count] = role;
        Count++;
    }

    public void Remove(int index, long version) => _removedVersions[index] = version;

    public void SetRole(int index, MemberRole role) => _roles[index] = role;

    /// <summary>A copy of the columns, cut to the roster's length.</summary>
    public RosterColumns ToColumns() =>
        new(
            _memberIds[..Count],
            _names[..Count],
            _joinedAtUtcTicks[..Count],
            _joinedAtOffsetMinutes[..Count],
            _joinedVersions[..Count],
            _removedVersions[..Count],
            _roles[..Count]);

    public IEnumerator<RosterEntry> GetEnumerator()
    {
        for (var index = 0; index < Count; index++)
        {
            yield return this[index];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private DateTimeOffset JoinedAt(int index)
    {
        var offset = TimeSpan.FromMinutes(_joinedAtOffsetMinutes[index]);
        return new DateTimeOffset(_joinedAtUtcTicks[index] + offset.Ticks, offset);
    }

    private void Grow()
    {
        var capacity = Math.Max(16, _memberIds.Length * 2);
        Array.Resize(ref _memberIds, capacity);
        Array.Resize(ref _names, capacity);
        Array.Resize(ref _joinedAtUtcTicks, capacity);
        Array.Resize(ref _joinedAtOffsetMinutes, capacity);
        Array.Resize(ref _joinedVersions, capacity);
        Array.Resize(ref _removedVersions, capacity);
        Array.Resize(ref _roles, capacity);
    }
}
