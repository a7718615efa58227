namespace Governance.Grains.Storage;

/// <summary>One stored event: its position in the stream (from 1) and its serialized form.</summary>
public sealed record EventRecord(long Version, byte[] Data);
