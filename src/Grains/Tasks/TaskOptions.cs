namespace Governance.Grains.Tasks;

public sealed class TaskOptions
{
    public const string Section = "Tasks";

    /// <summary>How long a claim lasts without progress; then it expires and the task reopens for others.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often the durable expiry reminder fires once a claim is due. A claim that lapsed while no silo ran expires
    /// within this long of coming back; while its grain is active, a timer expires it on time.
    /// </summary>
    public TimeSpan ClaimReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
