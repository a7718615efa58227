using Governance.Domain.Cooperatives;
using Governance.Domain.Rules;
using Governance.Grains.Cooperatives;
using Governance.Grains.EventSourcing;

namespace Governance.SnapshotLoad;

/// <summary>One way of storing a cooperative's snapshot, as the grain writes and reads it.</summary>
public sealed record SnapshotCodec(string Name, Func<Cooperative, byte[]> Write, Func<byte[], Cooperative> Read)
{
    public static SnapshotCodec Json { get; } = new(
        "json",
        cooperative => EventSerializer.Serialize(cooperative.ToSnapshot()),
        data => Cooperative.FromSnapshot(EventSerializer.Deserialize<CooperativeSnapshot>(data), GovernanceLimits.Default));

    public static SnapshotCodec Binary { get; } = new(
        "binary",
        cooperative => CooperativeSnapshotFormat.Write(cooperative.ToColumns()),
        data => CooperativeSnapshotFormat.Read(data, GovernanceLimits.Default));

    public static IReadOnlyList<SnapshotCodec> All { get; } = [Json, Binary];

    public static SnapshotCodec Named(string name) => All.Single(codec => codec.Name == name);
}
