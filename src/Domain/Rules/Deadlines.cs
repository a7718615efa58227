namespace Governance.Domain.Rules;

/// <summary>
/// The one rule for every deadline a command sets (when a proposal or poll closes, when a task is due): in the
/// future, and at most <see cref="GovernanceLimits.MaxDeadlineDays"/> ahead. The bound keeps deadlines far from the
/// end of the calendar, where the reminder that keeps them could no longer be scheduled.
/// </summary>
public static class Deadlines
{
    public static void Validate(DateTimeOffset? deadline, DateTimeOffset now, GovernanceLimits limits, string field, string code)
    {
        // Subtracting, never adding to now, so that no deadline a client can send overflows the comparison.
        if (deadline is { } at && (at <= now || at - now > TimeSpan.FromDays(limits.MaxDeadlineDays)))
        {
            throw RuleViolationException.Invalid(code, $"'{field}' must be in the future and at most {limits.MaxDeadlineDays} days ahead.", field);
        }
    }
}
