namespace Governance.Domain.Decisions;

public enum Outcome : byte
{
    Accepted = 1,
    Rejected = 2,
}
