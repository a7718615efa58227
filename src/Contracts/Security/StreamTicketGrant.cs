namespace Governance.Contracts.Security;

/// <summary>
/// Who a stream ticket lets in and where: the member (or app key, with its cooperative and scopes) that asked for it,
/// the one stream path it opens, and until when.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Governance.StreamTicketGrant")]
public sealed record StreamTicketGrant(
    [property: Id(0)] string? MemberId,
    [property: Id(1)] string? AppCooperativeId,
    [property: Id(2)] string? AppKeyId,
    [property: Id(3)] IReadOnlyList<string> Scopes,
    [property: Id(4)] string Path,
    [property: Id(5)] DateTimeOffset ExpiresAt);
