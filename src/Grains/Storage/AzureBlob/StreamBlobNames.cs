using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Governance.Grains.Storage.AzureBlob;

/// <summary>
/// Blob names of a stream: its log segments under "streams/{id}/" and its snapshot at "snapshots/{id}".
/// The id is base64url-encoded, so any stream id makes a valid name and no id is a prefix of another's folder.
/// </summary>
internal static class StreamBlobNames
{
    public static string SegmentPrefix(string streamId) => $"streams/{Encode(streamId)}/";

    public static string Segment(string streamId, int index) => SegmentPrefix(streamId) + index.ToString("D6", CultureInfo.InvariantCulture);

    public static int SegmentIndex(string blobName) =>
        int.Parse(blobName.AsSpan(blobName.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);

    public static string Snapshot(string streamId) => $"snapshots/{Encode(streamId)}";

    private static string Encode(string streamId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(streamId));
}
