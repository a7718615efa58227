namespace Governance.Domain.Proposals;

public enum ProposalStatus : byte
{
    Discussion = 1,
    Voting = 2,
    Closed = 3,
}
