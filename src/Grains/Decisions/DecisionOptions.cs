namespace Governance.Grains.Decisions;

public sealed class DecisionOptions
{
    /// <summary>The configuration section; named before polls shared the decision grain, and kept so settings stay valid.</summary>
    public const string Section = "Proposals";

    /// <summary>
    /// How often the durable deadline reminder fires while a decision is open. A decision whose deadline passed while
    /// no silo ran closes within this long of coming back; while its grain is active, a timer closes it on time.
    /// </summary>
    public TimeSpan DeadlineReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// While someone watches a decision's result, how often it looks for a change (its own, or of its cooperative's
    /// delegations) and counts again: changes within one interval reach watchers as one result.
    /// </summary>
    public TimeSpan LiveResultInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
