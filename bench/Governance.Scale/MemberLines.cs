using System.Net.Http.Headers;
using System.Text;

namespace Governance.Scale;

/// <summary>An import body of members m{first} to m{last - 1}, one NDJSON line each.</summary>
public static class MemberLines
{
    public static ByteArrayContent Of(int first, int last)
    {
        var lines = new StringBuilder();
        for (var member = first; member < last; member++)
        {
            lines.Append("{\"id\":\"").Append(ScaleOptions.MemberId(member)).Append("\"}\n");
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(lines.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }
}
