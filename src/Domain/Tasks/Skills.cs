using Governance.Domain.Identifiers;
using Governance.Domain.Rules;

namespace Governance.Domain.Tasks;

/// <summary>Skills are plain ids ("carpentry", "book-keeping"), compared ordinally, so a task and a member match them exactly.</summary>
public static class Skills
{
    /// <summary>The skills in ordinal order without repeats; invalid ids or more than the limit are a 400 on <paramref name="field"/>.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string>? skills, string field, GovernanceLimits limits)
    {
        var list = (skills ?? []).ToList();
        if (list.Any(skill => !ResourceId.IsValid(skill, limits.MaxIdLength)))
        {
            throw RuleViolationException.Invalid(
                "invalid-skills", $"Each of '{field}' must be {ResourceId.Rule(limits.MaxIdLength)}.", field);
        }

        var distinct = list.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return distinct.Count <= limits.MaxSkills
            ? distinct
            : throw RuleViolationException.Invalid("invalid-skills", $"'{field}' may list at most {limits.MaxSkills} skills.", field);
    }
}
