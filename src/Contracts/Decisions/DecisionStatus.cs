namespace Governance.Contracts.Decisions;

[GenerateSerializer]
public enum DecisionStatus
{
    Discussion = 1,
    Voting = 2,
    Closed = 3,
}
