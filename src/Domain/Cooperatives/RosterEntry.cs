namespace Governance.Domain.Cooperatives;

/// <summary>
/// One membership, at a dense index given in join order. The versions are the cooperative's log positions,
/// so the roster at any past version can be read back.
/// </summary>
public sealed record RosterEntry(
    string MemberId,
    string? Name,
    DateTimeOffset JoinedAt,
    long JoinedVersion,
    long? RemovedVersion = null,
    MemberRole Role = MemberRole.Member)
{
    public bool IsCurrent => RemovedVersion is null;

    public bool WasMemberAt(long version) =>
        JoinedVersion <= version && (RemovedVersion is null || RemovedVersion > version);
}
