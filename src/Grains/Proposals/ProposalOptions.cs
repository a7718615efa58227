namespace Governance.Grains.Proposals;

public sealed class ProposalOptions
{
    public const string Section = "Proposals";

    /// <summary>
    /// How often the durable deadline reminder fires while a proposal is open. A proposal whose deadline passed while
    /// no silo ran closes within this long of coming back; while its grain is active, a timer closes it on time.
    /// </summary>
    public TimeSpan DeadlineReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
