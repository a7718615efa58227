namespace Governance.Grains.Storage.Sqlite;

/// <summary>
/// Each stream's last version, as the single writer knows it: read from the table once, then kept as the writer
/// appends, so that a concurrency check costs no statement. Bounded, since a miss only costs one index seek.
/// </summary>
internal sealed class SqliteStreamHeads(Func<string, long> readHead)
{
    private const int Capacity = 100_000;

    private readonly Dictionary<string, long> _heads = new(StringComparer.Ordinal);

    public long Of(string streamId)
    {
        if (!_heads.TryGetValue(streamId, out var head))
        {
            if (_heads.Count >= Capacity)
            {
                _heads.Clear();
            }

            head = readHead(streamId);
            _heads[streamId] = head;
        }

        return head;
    }

    public void Advance(string streamId, long head) => _heads[streamId] = head;

    /// <summary>After a rolled-back transaction the cached heads may be ahead of the table, so they are read again.</summary>
    public void Forget() => _heads.Clear();
}
