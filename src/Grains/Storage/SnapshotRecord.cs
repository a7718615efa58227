namespace Governance.Grains.Storage;

/// <summary>A stream's state folded up to <paramref name="Version"/>, so activation replays only what follows.</summary>
public sealed record SnapshotRecord(long Version, byte[] Data);
