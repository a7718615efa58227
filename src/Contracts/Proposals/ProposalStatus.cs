namespace Governance.Contracts.Proposals;

[GenerateSerializer]
public enum ProposalStatus
{
    Discussion = 1,
    Voting = 2,
    Closed = 3,
}
