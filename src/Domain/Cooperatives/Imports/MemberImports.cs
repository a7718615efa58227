using Governance.Domain.Rules;

namespace Governance.Domain.Cooperatives.Imports;

/// <summary>
/// Many joins decided at once, by the rules of a single add (<see cref="Cooperative.DecideAddMember"/>): each line
/// whose id is new joins with one <see cref="MemberJoined"/>, the event a single add appends; a line whose id is
/// already a member is existing, whatever its name, so sending a file again adds nobody twice; a line the single add
/// would refuse as invalid is refused with that code, and an id given twice counts once, later lines being
/// duplicates. Only what would refuse the whole command (not an admin, no such cooperative) throws.
/// Cost: O(lines), with an exception only per invalid line.
/// </summary>
public static class MemberImports
{
    public static MemberImportDecision DecideImportMembers(
        this Cooperative cooperative, IReadOnlyList<ImportLine> lines, string by, DateTimeOffset now)
    {
        cooperative.RequireAdmin(by);
        var joins = new List<MemberJoined>();
        var existing = new List<RosterEntry>();
        var refused = new List<ImportRefusal>();
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (string.IsNullOrEmpty(line.Id))
            {
                refused.Add(new ImportRefusal(line.Number, ImportRefusalCodes.MissingId, "The line gives no id."));
                continue;
            }

            MemberJoined? joined = null;
            if (!cooperative.IsMember(line.Id))
            {
                try
                {
                    joined = (MemberJoined)cooperative.DecideAddMember(line.Id, line.Name, by, now);
                }
                catch (RuleViolationException violation) when (violation.Kind == RuleViolationKind.Invalid)
                {
                    refused.Add(new ImportRefusal(line.Number, violation.Code, violation.Message));
                    continue;
                }
            }

            if (!counted.Add(line.Id))
            {
                refused.Add(Duplicate(line));
            }
            else if (joined is null)
            {
                existing.Add(cooperative.GetMember(line.Id));
            }
            else
            {
                joins.Add(joined);
            }
        }

        return new MemberImportDecision(joins, existing, refused);
    }

    public static ImportRefusal Duplicate(ImportLine line) =>
        new(line.Number, ImportRefusalCodes.DuplicateId, $"'{line.Id}' is on an earlier line of this file; it counts once.");
}
