using Governance.Domain.Decisions;
using Governance.Domain.Rules;
using Governance.Domain.Tasks;
using Governance.Domain.Voting;

namespace Governance.Domain.Tests.Security;

/// <summary>
/// Proposals and polls close, and tasks fall due, in the future and at most Limits:MaxDeadlineDays ahead: one rule,
/// the same code and field for a deadline in the past as for one too far away.
/// </summary>
public sealed class DeadlineLimitTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly GovernanceLimits ThirtyDays = new() { MaxDeadlineDays = 30 };

    public enum Kind
    {
        Proposal,
        Poll,
        Task,
    }

    public static TheoryData<Kind, DateTimeOffset> Refused => new()
    {
        { Kind.Proposal, Now.AddDays(30).AddTicks(1) },
        { Kind.Proposal, DateTimeOffset.MaxValue },
        { Kind.Proposal, Now },
        { Kind.Poll, Now.AddDays(30).AddTicks(1) },
        { Kind.Poll, DateTimeOffset.MaxValue },
        { Kind.Poll, Now.AddTicks(-1) },
        { Kind.Task, Now.AddDays(30).AddTicks(1) },
        { Kind.Task, DateTimeOffset.MaxValue },
        { Kind.Task, DateTimeOffset.MinValue },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_deadline_not_in_the_future_or_beyond_the_limit_is_invalid_and_names_its_field(Kind kind, DateTimeOffset deadline)
    {
        var violation = Assert.Throws<RuleViolationException>(() => Create(kind, deadline, ThirtyDays));

        var (code, field) = kind == Kind.Task ? ("invalid-due-at", "dueAt") : ("invalid-closes-at", "closesAt");
        Assert.Equal((RuleViolationKind.Invalid, code, field), (violation.Kind, violation.Code, violation.Field));
        Assert.Contains("at most 30 days ahead", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Kind.Proposal)]
    [InlineData(Kind.Poll)]
    [InlineData(Kind.Task)]
    public void A_deadline_exactly_at_the_limit_is_accepted(Kind kind)
    {
        Assert.NotNull(Create(kind, Now.AddDays(30), ThirtyDays));
    }

    [Fact]
    public void The_default_limit_is_ten_years()
    {
        Assert.Equal(3650, GovernanceLimits.Default.MaxDeadlineDays);
        Assert.NotNull(Create(Kind.Proposal, Now.AddDays(3650), GovernanceLimits.Default));
        Assert.Throws<RuleViolationException>(() => Create(Kind.Proposal, Now.AddDays(3650).AddTicks(1), GovernanceLimits.Default));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(GovernanceLimits.MaxDeadlineDaysCeiling + 1)]
    public void Validate_rejects_a_deadline_limit_outside_one_day_to_a_century(int days)
    {
        var limits = new GovernanceLimits { MaxDeadlineDays = days };

        Assert.Equal(nameof(GovernanceLimits.MaxDeadlineDays), Assert.Throws<ArgumentOutOfRangeException>(limits.Validate).ParamName);
    }

    [Fact]
    public void Validate_accepts_a_deadline_limit_from_one_day_to_a_century()
    {
        new GovernanceLimits { MaxDeadlineDays = 1 }.Validate();
        new GovernanceLimits { MaxDeadlineDays = GovernanceLimits.MaxDeadlineDaysCeiling }.Validate();
    }

    private static object? Create(Kind kind, DateTimeOffset deadline, GovernanceLimits limits) => kind switch
    {
        Kind.Proposal => new Decision(DecisionKind.Proposal) { Limits = limits }.DecideCreate(
            "bakery", new DecisionDefinition("Oven", null, null, CountingMethod.Majority, deadline, Quorum: DecisionRule.Default.Quorum, Threshold: DecisionRule.Default.Threshold), "ann", Now),
        Kind.Poll => new Decision(DecisionKind.Poll) { Limits = limits }.DecideCreate(
            "bakery", new DecisionDefinition("Oven", null, null, CountingMethod.Borda, deadline, [new("a", "A"), new("b", "B")]), "ann", Now),
        _ => new WorkTask { Limits = limits }.DecideCreate("bakery", "Oven", null, null, 1, deadline, null, TaskPriority.Unlinked, "ann", Now),
    };
}
