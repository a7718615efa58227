namespace Governance.Domain.Cooperatives.Imports;

/// <summary>Why an import line added nobody. The codes are part of the API: clients fix their files by them.</summary>
public static class ImportRefusalCodes
{
    /// <summary>The id breaks the rule of <see cref="Identifiers.ResourceId"/>.</summary>
    public const string InvalidId = "invalid-id";

    /// <summary>The name is blank after trimming, or too long.</summary>
    public const string InvalidName = "invalid-name";

    /// <summary>The line has no id, or an empty one.</summary>
    public const string MissingId = "missing-id";

    /// <summary>An earlier line of the same file has this id; the id counts once.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>An NDJSON line that is not one JSON object of the fields "id" and "name", each a string.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>A CSV record with more fields than the header, or a quote out of place.</summary>
    public const string InvalidCsv = "invalid-csv";

    /// <summary>A line longer than an import reads, or not UTF-8.</summary>
    public const string UnreadableLine = "unreadable-line";

    /// <summary>A line past the cap on lines per request; send it in another request.</summary>
    public const string TooManyLines = "too-many-lines";
}
