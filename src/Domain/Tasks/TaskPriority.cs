using Governance.Domain.Rules;

namespace Governance.Domain.Tasks;

/// <summary>
/// A task's priority comes from what it serves (for a poll item, suggestions take the poll's current ranking): a decision the cooperative accepted
/// is as urgent as anything can be; a poll item ranks as the poll ranks it; a task serving neither sits in the middle.
/// </summary>
public static class TaskPriority
{
    public const double Unlinked = 0.5;

    public const double AcceptedProposal = 1.0;

    /// <summary>Only a closed, accepted proposal gives a task its priority.</summary>
    public static double ForProposal(bool closed, bool accepted) =>
        !closed ? throw RuleViolationException.Conflict("proposal-not-closed", "The proposal is still undecided; link tasks to it once it is accepted.")
        : !accepted ? throw RuleViolationException.Conflict("proposal-not-accepted", "The proposal was rejected; tasks serve accepted proposals only.")
        : AcceptedProposal;

    public static double ForPollItem(IReadOnlyDictionary<string, double> itemPriorities, string itemId) =>
        itemPriorities.TryGetValue(itemId, out var priority)
            ? FromPoll(priority)
            : throw RuleViolationException.NotFound("poll-item-not-found", $"The poll has no item '{itemId}'.");

    /// <summary>A poll's item priority, kept within 0 to 1 whatever the poll reports.</summary>
    public static double FromPoll(double itemPriority) => Math.Clamp(itemPriority, 0, 1);
}
