using Governance.Domain.Identifiers;
using Governance.Domain.Rules;

namespace Governance.Domain.Tasks;

/// <summary>What a task serves: an accepted proposal, or one item of a priority poll. Exactly one of the two is set.</summary>
public sealed record TaskLink(string? ProposalId, string? PollId, string? ItemId)
{
    public bool IsProposal => ProposalId is not null;

    public static TaskLink ToProposal(string proposalId) => new(proposalId, null, null);

    public static TaskLink ToPollItem(string pollId, string itemId) => new(null, pollId, itemId);

    /// <summary>Checks the link's shape; whether what it names exists is for the task's grain to ask.</summary>
    public static TaskLink? Validate(string? proposalId, string? pollId, string? itemId, int maxIdLength)
    {
        if (proposalId is null && pollId is null && itemId is null)
        {
            return null;
        }

        if (proposalId is not null && pollId is null && itemId is null)
        {
            return ToProposal(ResourceId.Require(proposalId, "link.proposalId", maxIdLength));
        }

        if (proposalId is null && pollId is not null && itemId is not null)
        {
            return ToPollItem(ResourceId.Require(pollId, "link.pollId", maxIdLength), ResourceId.Require(itemId, "link.itemId", maxIdLength));
        }

        throw RuleViolationException.Invalid(
            "invalid-link", "'link' names either a proposal ({\"proposalId\"}) or a poll item ({\"pollId\", \"itemId\"}).", "link");
    }
}
