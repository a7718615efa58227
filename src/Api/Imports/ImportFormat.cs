using Microsoft.Net.Http.Headers;

namespace Governance.Api.Imports;

public enum ImportFormat
{
    /// <summary>application/x-ndjson: one JSON object per line.</summary>
    Ndjson,

    /// <summary>text/csv (RFC 4180): a header naming the columns id and, optionally, name.</summary>
    Csv,
}

public static class ImportFormats
{
    public const string NdjsonMediaType = "application/x-ndjson";

    public const string CsvMediaType = "text/csv";

    /// <summary>The format a Content-Type names, or null for any other (and for a charset other than UTF-8).</summary>
    public static ImportFormat? Of(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || (parsed.Charset.HasValue && !parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return parsed.MediaType.Equals(NdjsonMediaType, StringComparison.OrdinalIgnoreCase) ? ImportFormat.Ndjson
            : parsed.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase) ? ImportFormat.Csv
            : null;
    }
}
