using System.Buffers.Binary;

namespace Governance.Grains.Storage.AzureBlob;

/// <summary>
/// One append: a single append-blob block holding a batch of events, framed so a reader can walk the blob.
/// Layout (little-endian): block length (4), append id (16), first version (8), event count (4),
/// then per event its length (4) and bytes, then a trailer of last version (8) and block length (4).
/// The trailer lets a writer learn a segment's last version by reading only its final bytes.
/// </summary>
internal static class EventBlock
{
    public const int HeaderSize = 4 + 16 + 8 + 4;
    public const int TrailerSize = 8 + 4;

    /// <summary>A safe append-block size for every service version and Azurite.</summary>
    public const int MaxSize = 4 * 1024 * 1024;

    public static byte[] Encode(Guid appendId, long firstVersion, IReadOnlyList<byte[]> events)
    {
        var size = HeaderSize + TrailerSize + events.Sum(data => 4L + data.Length);
        if (size > MaxSize)
        {
            throw new ArgumentException($"One append may hold at most {MaxSize} bytes of events; this one needs {size}.", nameof(events));
        }

        var block = new byte[size];
        var span = block.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, (int)size);
        appendId.TryWriteBytes(span[4..20]);
        BinaryPrimitives.WriteInt64LittleEndian(span[20..], firstVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], events.Count);
        var offset = HeaderSize;
        foreach (var data in events)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[offset..], data.Length);
            data.CopyTo(span[(offset + 4)..]);
            offset += 4 + data.Length;
        }

        BinaryPrimitives.WriteInt64LittleEndian(span[offset..], firstVersion + events.Count - 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[(offset + 8)..], (int)size);
        return block;
    }

    public static Guid ReadAppendId(ReadOnlySpan<byte> header) => new(header[4..20]);

    public static long ReadLastVersion(ReadOnlySpan<byte> trailer) => BinaryPrimitives.ReadInt64LittleEndian(trailer);

    /// <summary>Reads the blocks of one segment in order and yields their events.</summary>
    public static async IAsyncEnumerable<EventRecord> ReadAllAsync(
        Stream segment,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lengthBytes = new byte[4];
        while (await segment.ReadAtLeastAsync(lengthBytes, 4, throwOnEndOfStream: false, cancellationToken) == 4)
        {
            var block = new byte[BinaryPrimitives.ReadInt32LittleEndian(lengthBytes)];
            lengthBytes.CopyTo(block, 0);
            await segment.ReadExactlyAsync(block.AsMemory(4), cancellationToken);
            foreach (var record in Decode(block))
            {
                yield return record;
            }
        }
    }

    private static List<EventRecord> Decode(byte[] block)
    {
        var version = BinaryPrimitives.ReadInt64LittleEndian(block.AsSpan(20));
        var count = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(28));
        var records = new List<EventRecord>(count);
        var offset = HeaderSize;
        for (var index = 0; index < count; index++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(block.AsSpan(offset));
            records.Add(new EventRecord(version + index, block.AsSpan(offset + 4, length).ToArray()));
            offset += 4 + length;
        }

        return records;
    }
}
