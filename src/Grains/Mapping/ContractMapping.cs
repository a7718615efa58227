using Contract = Governance.Contracts.Proposals;
using ContractCooperatives = Governance.Contracts.Cooperatives;
using Domain = Governance.Domain;

namespace Governance.Grains.Mapping;

/// <summary>Maps the domain's enums onto the wire's by name, so neither depends on the other's numbering.</summary>
public static class ContractMapping
{
    public static Contract.ProposalStatus ToContract(this Domain.Proposals.ProposalStatus status) => status switch
    {
        Domain.Proposals.ProposalStatus.Discussion => Contract.ProposalStatus.Discussion,
        Domain.Proposals.ProposalStatus.Voting => Contract.ProposalStatus.Voting,
        Domain.Proposals.ProposalStatus.Closed => Contract.ProposalStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Domain.Proposals.ProposalStatus ToDomain(this Contract.ProposalStatus status) => status switch
    {
        Contract.ProposalStatus.Discussion => Domain.Proposals.ProposalStatus.Discussion,
        Contract.ProposalStatus.Voting => Domain.Proposals.ProposalStatus.Voting,
        Contract.ProposalStatus.Closed => Domain.Proposals.ProposalStatus.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Contract.VoteChoice ToContract(this Domain.Voting.Choice choice) => choice switch
    {
        Domain.Voting.Choice.Yes => Contract.VoteChoice.Yes,
        Domain.Voting.Choice.No => Contract.VoteChoice.No,
        Domain.Voting.Choice.Abstain => Contract.VoteChoice.Abstain,
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    public static Domain.Voting.Choice ToDomain(this Contract.VoteChoice choice) => choice switch
    {
        Contract.VoteChoice.Yes => Domain.Voting.Choice.Yes,
        Contract.VoteChoice.No => Domain.Voting.Choice.No,
        Contract.VoteChoice.Abstain => Domain.Voting.Choice.Abstain,
        _ => throw Domain.Rules.RuleViolationException.Invalid("invalid-choice", "'choice' must be yes, no or abstain.", "choice"),
    };

    public static Contract.ProposalOutcome ToContract(this Domain.Proposals.Outcome outcome) => outcome switch
    {
        Domain.Proposals.Outcome.Accepted => Contract.ProposalOutcome.Accepted,
        Domain.Proposals.Outcome.Rejected => Contract.ProposalOutcome.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static Contract.DelegationScope ToContract(this Domain.Voting.DelegationScope scope) => scope switch
    {
        Domain.Voting.DelegationScope.Default => Contract.DelegationScope.Default,
        Domain.Voting.DelegationScope.Topic => Contract.DelegationScope.Topic,
        Domain.Voting.DelegationScope.Proposal => Contract.DelegationScope.Proposal,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    public static Contract.LostReason ToContract(this Domain.Voting.LossReason reason) => reason switch
    {
        Domain.Voting.LossReason.NoDirectVoter => Contract.LostReason.NoDirectVoter,
        Domain.Voting.LossReason.Cycle => Contract.LostReason.Cycle,
        Domain.Voting.LossReason.IneligibleOnChain => Contract.LostReason.IneligibleOnChain,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static ContractCooperatives.MemberRole ToContract(this Domain.Cooperatives.MemberRole role) => role switch
    {
        Domain.Cooperatives.MemberRole.Member => ContractCooperatives.MemberRole.Member,
        Domain.Cooperatives.MemberRole.Admin => ContractCooperatives.MemberRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static Domain.Cooperatives.MemberRole ToDomain(this ContractCooperatives.MemberRole role) => role switch
    {
        ContractCooperatives.MemberRole.Member => Domain.Cooperatives.MemberRole.Member,
        ContractCooperatives.MemberRole.Admin => Domain.Cooperatives.MemberRole.Admin,
        _ => throw Domain.Rules.RuleViolationException.Invalid("invalid-role", "'role' must be admin or member.", "role"),
    };
}
