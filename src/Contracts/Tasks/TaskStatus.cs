namespace Governance.Contracts.Tasks;

[GenerateSerializer]
public enum TaskStatus
{
    Open = 1,
    Claimed = 2,
    Completed = 3,
    Reviewed = 4,
}
