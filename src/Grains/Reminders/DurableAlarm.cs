using Governance.Domain.Rules;

namespace Governance.Grains.Reminders;

/// <summary>
/// A moment a grain must act at: a proposal's or poll's deadline, a claim's expiry. A reminder makes it durable across
/// deactivation and lost silos; a one-shot timer, armed only when the moment is near, makes it prompt, since a
/// reminder may fire up to a period late. Far moments get no timer, so idle grains can deactivate.
/// </summary>
public sealed class DurableAlarm(Grain grain, string reminderName, TimeSpan reminderPeriod, TimeProvider clock, Func<Task> onTimer)
{
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(1);

    /// <summary>
    /// As far ahead as any deadline a command may set (Limits:MaxDeadlineDays at its highest). Only a moment stored
    /// before deadlines were bounded lies further; its reminder then fires early, and the grain finds it not yet due.
    /// </summary>
    private static readonly TimeSpan MaxReminderDue = TimeSpan.FromDays(GovernanceLimits.MaxDeadlineDaysCeiling);

    private IGrainTimer? _timer;

    public bool Handles(string name) => name == reminderName;

    public async Task<bool> IsSetAsync(CancellationToken cancellationToken) =>
        await grain.GetReminder(reminderName, cancellationToken) is not null;

    /// <summary>
    /// Registers (or moves) the reminder to first fire at <paramref name="at"/>, at once when that has passed. The reminder
    /// service adds the wait to its own reading of the clock, so a moment near the end of the calendar would overflow it.
    /// </summary>
    public Task SetAsync(DateTimeOffset at)
    {
        var due = Until(at);
        return grain.RegisterOrUpdateReminder(reminderName, due < MaxReminderDue ? due : MaxReminderDue, reminderPeriod);
    }

    /// <summary>Arms the timer for <paramref name="at"/> when it is near; no moment, or a timer already armed, changes nothing.</summary>
    public void Arm(DateTimeOffset? at)
    {
        if (at is not { } moment || _timer is not null)
        {
            return;
        }

        var due = Until(moment);
        if (due > MaxTimerDue)
        {
            return;
        }

        _timer = grain.RegisterGrainTimer(OnTimerAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    public void Disarm()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Removes the timer and the reminder; callers decide whether a failure matters.</summary>
    public async Task ClearAsync()
    {
        Disarm();
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    private TimeSpan Until(DateTimeOffset at)
    {
        var due = at - clock.GetUtcNow();
        return due < TimeSpan.Zero ? TimeSpan.Zero : due;
    }

    /// <summary>The timer fires once; the grain arms it again if it fired early.</summary>
    private Task OnTimerAsync(CancellationToken cancellationToken)
    {
        Disarm();
        return onTimer();
    }
}
