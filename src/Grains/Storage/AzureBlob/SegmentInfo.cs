namespace Governance.Grains.Storage.AzureBlob;

/// <summary>One log segment: its index and the version just before its first event.</summary>
internal sealed record SegmentInfo(int Index, long PreviousVersion);
