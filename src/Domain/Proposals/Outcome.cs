namespace Governance.Domain.Proposals;

public enum Outcome : byte
{
    Accepted = 1,
    Rejected = 2,
}
