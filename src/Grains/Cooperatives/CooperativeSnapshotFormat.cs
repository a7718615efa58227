using System.Buffers.Binary;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using Governance.Domain.Security;
using Governance.Domain.Voting;
using Governance.Grains.EventSourcing;

namespace Governance.Grains.Cooperatives;

/// <summary>
/// How a cooperative's snapshot is stored. Snapshots are binary (the log, in JSON, stays the audit trail): the magic
/// "GVCS", a format version, the small parts as one JSON document, then the roster as columns and every delegation
/// layer as a dense array of little-endian integers, and an XxHash3 of all that precedes it. Reading and writing a
/// million members is a few bulk copies and one string per member id and name. The first format, one JSON document
/// of records (<see cref="CooperativeSnapshot"/>), is still read: it starts with '{', never with the magic.
/// </summary>
public static class CooperativeSnapshotFormat
{
    public const ushort Version = 1;

    private static ReadOnlySpan<byte> Magic => "GVCS"u8;

    private const int HashLength = sizeof(ulong);

    public static byte[] Write(CooperativeColumns columns)
    {
        var roster = columns.Roster;

        // About the size of a roster whose ids and names are short; the stream grows past it when they are not.
        using var stream = new MemoryStream(64 + roster.Count * 64);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            var head = EventSerializer.Serialize(new Head(
                columns.Version, columns.DelegationVersion, columns.Name, columns.CreatedAt, columns.Rule, columns.Settings,
                columns.Topics, columns.Proposals, columns.AppKeys));
            writer.Write(head.Length);
            writer.Write(head);

            writer.Write(roster.Count);
            foreach (var id in roster.MemberIds)
            {
                writer.Write(id);
            }

            foreach (var name in roster.Names)
            {
                writer.Write(name is not null);
                if (name is not null)
                {
                    writer.Write(name);
                }
            }

            WriteColumn<long>(writer, roster.JoinedAtUtcTicks);
            WriteColumn<short>(writer, roster.JoinedAtOffsetMinutes);
            WriteColumn<long>(writer, roster.JoinedVersions);
            WriteColumn<long>(writer, roster.RemovedVersions);
            WriteColumn<byte>(writer, Array.ConvertAll(roster.Roles, role => (byte)role));

            WriteLayer(writer, columns.DefaultLayer);
            writer.Write(columns.TopicLayers.Count);
            foreach (var (topic, layer) in columns.TopicLayers)
            {
                writer.Write(topic);
                WriteLayer(writer, layer);
            }
        }

        var hash = XxHash3.HashToUInt64(stream.GetBuffer().AsSpan(0, (int)stream.Length));
        Span<byte> hashBytes = stackalloc byte[HashLength];
        BinaryPrimitives.WriteUInt64LittleEndian(hashBytes, hash);
        stream.Write(hashBytes);
        return stream.ToArray();
    }

    /// <summary>A snapshot in either format. Throws <see cref="InvalidDataException"/> when it is damaged or of an unknown version.</summary>
    public static Cooperative Read(byte[] data, GovernanceLimits limits)
    {
        if (!data.AsSpan().StartsWith(Magic))
        {
            return Cooperative.FromSnapshot(EventSerializer.Deserialize<CooperativeSnapshot>(data), limits);
        }

        if (data.Length < Magic.Length + sizeof(ushort) + HashLength)
        {
            throw new InvalidDataException("The cooperative snapshot is cut short.");
        }

        var body = data.AsSpan(0, data.Length - HashLength);
        if (XxHash3.HashToUInt64(body) != BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(body.Length)))
        {
            throw new InvalidDataException("The cooperative snapshot does not match its hash.");
        }

        using var stream = new MemoryStream(data, 0, body.Length, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        stream.Position = Magic.Length;
        var version = reader.ReadUInt16();
        if (version != Version)
        {
            throw new InvalidDataException($"The cooperative snapshot has format version {version}; this code reads version {Version}.");
        }

        var head = EventSerializer.Deserialize<Head>(reader.ReadBytes(ReadCount(reader)));
        var count = ReadCount(reader);
        var ids = new string[count];
        for (var index = 0; index < count; index++)
        {
            ids[index] = reader.ReadString();
        }

        var names = new string?[count];
        for (var index = 0; index < count; index++)
        {
            names[index] = reader.ReadBoolean() ? reader.ReadString() : null;
        }

        var roster = new RosterColumns(
            ids,
            names,
            ReadColumn<long>(reader, count),
            ReadColumn<short>(reader, count),
            ReadColumn<long>(reader, count),
            ReadColumn<long>(reader, count),
            Array.ConvertAll(ReadColumn<byte>(reader, count), role => (MemberRole)role));
        var defaultLayer = ReadLayer(reader);
        var topicLayers = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var topicCount = ReadCount(reader);
        for (var topic = 0; topic < topicCount; topic++)
        {
            topicLayers.Add(reader.ReadString(), ReadLayer(reader));
        }

        if (stream.Position != stream.Length)
        {
            throw new InvalidDataException("The cooperative snapshot has bytes after its last layer.");
        }

        var columns = new CooperativeColumns(
            head.Version, head.DelegationVersion, head.Name, head.CreatedAt, head.Rule, head.Settings, head.Topics, roster,
            defaultLayer, topicLayers, head.Proposals, head.AppKeys);
        try
        {
            return Cooperative.FromColumns(columns, limits);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException("The cooperative snapshot's columns do not fit together.", exception);
        }
    }

    private static void WriteLayer(BinaryWriter writer, int[] layer)
    {
        writer.Write(layer.Length);
        WriteColumn<int>(writer, layer);
    }

    private static int[] ReadLayer(BinaryReader reader) => ReadColumn<int>(reader, ReadCount(reader));

    private static void WriteColumn<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        Span<byte> buffer = stackalloc byte[16];
        foreach (var value in values)
        {
            writer.Write(buffer[..value.WriteLittleEndian(buffer)]);
        }
    }

    private static T[] ReadColumn<T>(BinaryReader reader, int count)
        where T : unmanaged, IBinaryInteger<T>
    {
        var size = Marshal.SizeOf<T>();
        if ((long)count * size > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException("The cooperative snapshot is cut short.");
        }

        var values = new T[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            for (var index = 0; index < count; index++)
            {
                values[index] = T.ReadLittleEndian(bytes.Slice(index * size, size), isUnsigned: typeof(T) == typeof(byte));
            }
        }

        return values;
    }

    private static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position
            ? count
            : throw new InvalidDataException("The cooperative snapshot holds a count beyond its length.");
    }

    /// <summary>The parts of the state that stay small however many members join, written as JSON.</summary>
    private sealed record Head(
        long Version,
        long DelegationVersion,
        string Name,
        DateTimeOffset CreatedAt,
        DecisionRule Rule,
        CooperativeSettings Settings,
        IReadOnlyList<string> Topics,
        IReadOnlyList<ProposalSummary> Proposals,
        IReadOnlyList<AppKey> AppKeys);
}
