using Governance.Contracts.Priorities;
using Contract = Governance.Contracts.Proposals;
using ContractCooperatives = Governance.Contracts.Cooperatives;
using ContractDecisions = Governance.Contracts.Decisions;

namespace Governance.Grains.Mapping;

/// <summary>Maps the domain's enums onto the wire's by name, so neither depends on the other's numbering.</summary>
public static class ContractMapping
{
    public static ContractDecisions.DecisionStatus ToContract(this Domain.Decisions.DecisionStatus status) =>
        ByName<ContractDecisions.DecisionStatus>(status);

    public static Domain.Decisions.DecisionStatus ToDomain(this ContractDecisions.DecisionStatus status) =>
        ByName<Domain.Decisions.DecisionStatus>(status);

    public static Domain.Decisions.DecisionStatus ToDomain(this Contract.ProposalStatus status) =>
        ByName<Domain.Decisions.DecisionStatus>(status);

    public static Domain.Decisions.DecisionStatus ToDomain(this PriorityPollStatus status) =>
        ByName<Domain.Decisions.DecisionStatus>(status);

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

    public static Contract.ProposalOutcome ToContract(this Domain.Decisions.Outcome outcome) => outcome switch
    {
        Domain.Decisions.Outcome.Accepted => Contract.ProposalOutcome.Accepted,
        Domain.Decisions.Outcome.Rejected => Contract.ProposalOutcome.Rejected,
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

    /// <summary>The statuses are the same three on either side, so they map by name; an unknown one is a bug, not input.</summary>
    private static TTo ByName<TTo>(Enum value)
        where TTo : struct, Enum =>
        Enum.TryParse<TTo>(value.ToString(), out var mapped) && Enum.IsDefined(mapped)
            ? mapped
            : throw new ArgumentOutOfRangeException(nameof(value), value, null);
}
