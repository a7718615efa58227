namespace Governance.Domain.Voting;

public enum Choice : byte
{
    Yes = 1,
    No = 2,
    Abstain = 3,
}
