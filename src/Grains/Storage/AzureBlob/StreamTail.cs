namespace Governance.Grains.Storage.AzureBlob;

/// <summary>The end of a stream's log as a writer last saw it: the open segment, its size in bytes and blocks, and the last version.</summary>
internal sealed record StreamTail(int Segment, long Length, int BlockCount, long LastVersion)
{
    /// <summary>A stream with no segment yet; its first append creates segment 0.</summary>
    public static StreamTail Empty { get; } = new(-1, 0, 0, 0);
}
