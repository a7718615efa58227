namespace Governance.Contracts.Priorities;

[GenerateSerializer]
public enum PriorityPollStatus
{
    Discussion = 1,
    Voting = 2,
    Closed = 3,
}
