namespace Governance.Domain.Cooperatives.Imports;

/// <summary>
/// What a batch of import lines does to the roster: the joins to append, the lines whose id is already a member (with
/// their roster entry), and the lines refused.
/// </summary>
public sealed record MemberImportDecision(
    IReadOnlyList<MemberJoined> Joins,
    IReadOnlyList<RosterEntry> Existing,
    IReadOnlyList<ImportRefusal> Refused);
