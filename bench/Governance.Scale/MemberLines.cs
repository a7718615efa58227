using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Governance.Scale;

/// <summary>An import body of members m{first} to m{last - 1}, one NDJSON line each, written as it is sent.</summary>
public sealed class MemberLines : HttpContent
{
    private readonly int _first;
    private readonly int _last;

    public MemberLines(int first, int last)
    {
        _first = first;
        _last = last;
        Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        for (var member = _first; member < _last; member++)
        {
            await writer.WriteAsync($"{{\"id\":\"{ScaleOptions.MemberId(member)}\"}}\n");
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
