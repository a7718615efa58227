using Governance.Domain.Members;
using Governance.Domain.Rules;

namespace Governance.Domain.Tests.Members;

public sealed class AvailabilityTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_person_offers_skills_in_order_without_repeats_and_weekly_hours()
    {
        var member = new Member();

        var set = Assert.IsType<AvailabilitySet>(member.DecideSetAvailability(["welding", "baking", "welding"], 12, Now));
        member.Apply(set);

        Assert.Equal(["baking", "welding"], member.Skills);
        Assert.Equal(12, member.WeeklyCapacityHours);
        Assert.Equal(1, member.Version);
    }

    [Fact]
    public void Setting_the_same_availability_again_changes_nothing()
    {
        var member = new Member();
        member.Apply(member.DecideSetAvailability(["baking"], 12, Now)!);

        Assert.Null(member.DecideSetAvailability(["baking", "baking"], 12, Now));
        Assert.NotNull(member.DecideSetAvailability(["baking"], 11, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(Member.MaxWeeklyCapacityHours + 1)]
    public void Hours_outside_a_week_are_invalid(int? hours)
    {
        var violation = Assert.Throws<RuleViolationException>(() => new Member().DecideSetAvailability([], hours, Now));

        Assert.Equal(("invalid-capacity", "weeklyCapacityHours"), (violation.Code, violation.Field));
    }

    [Fact]
    public void Malformed_or_too_many_skills_are_invalid()
    {
        var tooMany = Enumerable.Range(0, GovernanceLimits.Default.MaxSkills + 1).Select(index => $"s{index}").ToArray();

        foreach (var skills in new[] { ["has space"], tooMany })
        {
            var violation = Assert.Throws<RuleViolationException>(() => new Member().DecideSetAvailability(skills, 1, Now));
            Assert.Equal(("invalid-skills", "skills"), (violation.Code, violation.Field));
        }
    }
}
