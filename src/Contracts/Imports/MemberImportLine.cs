namespace Governance.Contracts.Imports;

/// <summary>One line of an import file as read: its 1-based number in the file, and the id and name it gives.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.MemberImportLine")]
public sealed record MemberImportLine(
    [property: Id(0)] long Line,
    [property: Id(1)] string? Id,
    [property: Id(2)] string? Name);
