namespace Governance.Contracts.Imports;

/// <summary>What one batch of import lines did: how many joined, how many were members already, and the lines refused.</summary>
[GenerateSerializer, Immutable]
[Alias("Governance.MemberImportBatchResult")]
public sealed record MemberImportBatchResult(
    [property: Id(0)] int Added,
    [property: Id(1)] int Existing,
    [property: Id(2)] IReadOnlyList<MemberImportRefusal> Refused);
