namespace Governance.Domain.Cooperatives;

/// <summary>
/// The roster as one array per field, all of one length, indexed by roster index. A joining time is its UTC ticks and
/// its offset in minutes; a membership that has not ended has <see cref="Current"/> as its removed version.
/// </summary>
public sealed record RosterColumns(
    string[] MemberIds,
    string?[] Names,
    long[] JoinedAtUtcTicks,
    short[] JoinedAtOffsetMinutes,
    long[] JoinedVersions,
    long[] RemovedVersions,
    MemberRole[] Roles)
{
    /// <summary>The removed version of a current membership: log versions start at 1.</summary>
    public const long Current = 0;

    public int Count => MemberIds.Length;

    /// <summary>Refuses columns of different lengths, ids missing, or roles that do not exist.</summary>
    public void Validate()
    {
        var count = MemberIds.Length;
        if (Names.Length != count || JoinedAtUtcTicks.Length != count || JoinedAtOffsetMinutes.Length != count
            || JoinedVersions.Length != count || RemovedVersions.Length != count || Roles.Length != count)
        {
            throw new ArgumentException("The roster's columns differ in length.");
        }

        if (Array.Exists(MemberIds, id => id is null) || !Array.TrueForAll(Roles, role => role is MemberRole.Member or MemberRole.Admin))
        {
            throw new ArgumentException("The roster's columns hold a missing id or an unknown role.");
        }
    }
}
