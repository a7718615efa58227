namespace Governance.Contracts.Imports;

/// <summary>A line of an import file that added nobody.</summary>
/// <param name="Line">The line's number in the file, from 1; in a CSV file the header is line 1.</param>
/// <param name="Code">Why: invalid-id, invalid-name, missing-id, duplicate-id, invalid-json, invalid-csv, unreadable-line or too-many-lines.</param>
/// <param name="Message">The same in words.</param>
[GenerateSerializer, Immutable]
[Alias("Governance.MemberImportRefusal")]
public sealed record MemberImportRefusal(
    [property: Id(0)] long Line,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message);
