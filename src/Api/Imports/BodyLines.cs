using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace Governance.Api.Imports;

/// <summary>
/// A request body as lines, read from its pipe as they arrive, so that memory holds one line at a time however
/// large the body. A line ends at LF (a CR before it is dropped). A line longer than <see cref="MaxLineBytes"/> or
/// not UTF-8 comes back without text, and the reading goes on at the next line.
/// </summary>
public static class BodyLines
{
    /// <summary>Far more than an id and the longest name need, even as JSON with every character escaped.</summary>
    public const int MaxLineBytes = 8 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<BodyLine> ReadAsync(PipeReader body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long number = 0;
        var overlong = false;
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, end);
                buffer = buffer.Slice(buffer.GetPosition(1, end));
                number++;
                yield return overlong ? new BodyLine(number, null) : Decode(number, line);
                overlong = false;
            }

            if (result.IsCompleted)
            {
                if (overlong || !buffer.IsEmpty)
                {
                    number++;
                    yield return overlong ? new BodyLine(number, null) : Decode(number, buffer);
                }

                break;
            }

            if (overlong || buffer.Length > MaxLineBytes)
            {
                // The rest of this line is dropped as it comes; only its end is looked for.
                overlong = true;
                buffer = buffer.Slice(buffer.End);
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }

        await body.CompleteAsync();
    }

    private static BodyLine Decode(long number, ReadOnlySequence<byte> line)
    {
        if (line.Length > MaxLineBytes)
        {
            return new BodyLine(number, null);
        }

        try
        {
            var text = Utf8.GetString(line);
            if (text.EndsWith('\r'))
            {
                text = text[..^1];
            }

            return new BodyLine(number, number == 1 ? text.TrimStart('\uFEFF') : text);
        }
        catch (DecoderFallbackException)
        {
            return new BodyLine(number, null);
        }
    }
}
