namespace Governance.Contracts.Proposals;

[GenerateSerializer]
public enum ProposalOutcome
{
    Accepted = 1,
    Rejected = 2,
}
