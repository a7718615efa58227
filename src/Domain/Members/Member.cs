using Governance.Domain.Rules;

namespace Governance.Domain.Members;

/// <summary>One person across all their cooperatives, with the skills and weekly hours they offer all of them.</summary>
public sealed class Member
{
    /// <summary>The hours in a week.</summary>
    public const int MaxWeeklyCapacityHours = 168;

    private readonly SortedSet<string> _cooperatives = new(StringComparer.Ordinal);

    /// <summary>Configuration, not state: the limits this deployment enforces on new commands.</summary>
    public GovernanceLimits Limits { get; init; } = GovernanceLimits.Default;

    public string? Name { get; private set; }

    public IReadOnlyList<string> Skills { get; private set; } = [];

    public int WeeklyCapacityHours { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyCollection<string> Cooperatives => _cooperatives;

    public MemberEvent? DecideStartMembership(string cooperativeId, string? name, DateTimeOffset now) =>
        _cooperatives.Contains(cooperativeId) && (name is null || name == Name) ? null : new MembershipStarted(now, cooperativeId, name);

    public MemberEvent? DecideEndMembership(string cooperativeId, DateTimeOffset now) =>
        _cooperatives.Contains(cooperativeId) ? new MembershipEnded(now, cooperativeId) : null;

    public MemberEvent? DecideSetAvailability(IEnumerable<string>? skills, int? weeklyCapacityHours, DateTimeOffset now)
    {
        var validSkills = Tasks.Skills.Normalize(skills, "skills", Limits);
        if (weeklyCapacityHours is not (>= 0 and <= MaxWeeklyCapacityHours))
        {
            throw RuleViolationException.Invalid(
                "invalid-capacity", $"'weeklyCapacityHours' must be a whole number of hours, 0-{MaxWeeklyCapacityHours}.", "weeklyCapacityHours");
        }

        return validSkills.SequenceEqual(Skills, StringComparer.Ordinal) && weeklyCapacityHours == WeeklyCapacityHours
            ? null
            : new AvailabilitySet(now, validSkills, weeklyCapacityHours.Value);
    }

    public void Apply(MemberEvent @event)
    {
        Version++;
        switch (@event)
        {
            case MembershipStarted started:
                _cooperatives.Add(started.CooperativeId);
                Name = started.Name ?? Name;
                break;
            case MembershipEnded ended:
                _cooperatives.Remove(ended.CooperativeId);
                break;
            case AvailabilitySet availability:
                Skills = availability.Skills;
                WeeklyCapacityHours = availability.WeeklyCapacityHours;
                break;
            default:
                throw new InvalidOperationException($"Unknown member event {@event.GetType().Name}.");
        }
    }
}
