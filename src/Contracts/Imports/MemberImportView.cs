namespace Governance.Contracts.Imports;

/// <summary>An import of members, while it runs and once it ended.</summary>
/// <param name="Id">The import's id: the one the client gave in the query, or one generated.</param>
/// <param name="State">running, completed or failed.</param>
/// <param name="Lines">Lines read that hold a record; blank lines and the CSV header are not counted.</param>
/// <param name="Added">Members who joined.</param>
/// <param name="Existing">Lines whose id was a member already; nothing of them changed.</param>
/// <param name="Refused">Lines refused, each listed in refusals up to the first 1,000.</param>
/// <param name="Refusals">The first refused lines by line number, at most 1,000 of them; refused counts them all.</param>
/// <param name="StartedBy">The admin who sent the file.</param>
/// <param name="StartedAt">When the import started.</param>
/// <param name="UpdatedAt">When the counts last changed or the import last reported that it runs.</param>
/// <param name="Failure">Why a failed import stopped: the code of the problem its request was answered with, or interrupted when its request went away; null otherwise.</param>
[GenerateSerializer, Immutable]
[Alias("Governance.MemberImportView")]
public sealed record MemberImportView(
    [property: Id(0)] string Id,
    [property: Id(1)] MemberImportState State,
    [property: Id(2)] long Lines,
    [property: Id(3)] long Added,
    [property: Id(4)] long Existing,
    [property: Id(5)] long Refused,
    [property: Id(6)] IReadOnlyList<MemberImportRefusal> Refusals,
    [property: Id(7)] string StartedBy,
    [property: Id(8)] DateTimeOffset StartedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] string? Failure);
