namespace Governance.Contracts.Priorities;

/// <summary>How a priority poll counts its ballots.</summary>
[GenerateSerializer]
public enum PriorityMethod
{
    Schulze = 1,
    Borda = 2,
    Approval = 3,
    Score = 4,
    Quadratic = 5,
    Dot = 6,
}
